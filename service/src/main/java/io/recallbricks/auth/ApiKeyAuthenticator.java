package io.recallbricks.auth;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.recallbricks.web.ApiException;
import io.recallbricks.web.ErrorCode;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;

/** Finds the tenant behind the key a request presents in {@code X-API-Key} or {@code Authorization: Bearer}. */
@Singleton
public class ApiKeyAuthenticator {

    public static final String API_KEY_HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    private final ApiKeyRepository keys;
    private final ApiKeyUsageRecorder usage;

    public ApiKeyAuthenticator(ApiKeyRepository keys, ApiKeyUsageRecorder usage) {
        this.keys = keys;
        this.usage = usage;
    }

    public Caller authenticate(HttpRequest<?> request) {
        String presented = presentedKey(request).orElseThrow(() -> new ApiException(ErrorCode.UNAUTHORIZED,
                "Authentication required: send your API key in the X-API-Key header or as Authorization: Bearer <key>."));
        ApiKeyRepository.StoredKey key = keys.findByHash(ApiKeys.hash(presented))
                .orElseThrow(() -> new ApiException(ErrorCode.UNAUTHORIZED, "Invalid API key."));
        if (key.isRevokedAt(Instant.now())) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "This API key has been revoked.");
        }
        usage.recordUse(key.id());
        return new Caller(key.userId(), key.id());
    }

    /** The key from X-API-Key, else from a Bearer token. */
    public static Optional<String> presentedKey(HttpRequest<?> request) {
        String header = request.getHeaders().get(API_KEY_HEADER);
        if (header != null && !header.isBlank()) {
            return Optional.of(header.trim());
        }
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = authorization.substring(BEARER.length()).trim();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        }
        return Optional.empty();
    }
}
