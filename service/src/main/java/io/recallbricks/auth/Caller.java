package io.recallbricks.auth;

import java.util.UUID;

/** The authenticated tenant of a request, and the key it used. Every query the request makes is scoped to userId. */
public record Caller(UUID userId, UUID apiKeyId) {
}
