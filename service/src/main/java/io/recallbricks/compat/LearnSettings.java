package io.recallbricks.compat;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code LEARN_CHAT_MODEL}: the chat model that may improve learned metadata; empty computes it locally only. */
@ConfigurationProperties("recallbricks.learn")
public record LearnSettings(String chatModel) {

    public boolean usesModel() {
        return chatModel != null && !chatModel.isBlank();
    }
}
