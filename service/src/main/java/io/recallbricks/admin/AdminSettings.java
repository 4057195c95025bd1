package io.recallbricks.admin;

import io.micronaut.context.annotation.ConfigurationProperties;

/** The operator credential ({@code ADMIN_API_KEY}); empty turns the admin routes off. */
@ConfigurationProperties("recallbricks.admin")
public record AdminSettings(String apiKey) {

    public boolean enabled() {
        return apiKey != null && !apiKey.isEmpty();
    }
}
