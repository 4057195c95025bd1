package io.recallbricks.auth;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.recallbricks.web.ApiException;
import io.recallbricks.web.ErrorCode;
import jakarta.inject.Singleton;

import io.recallbricks.cache.Caches;
import io.recallbricks.cache.MeteredCache;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/** Finds the tenant behind the key a request presents in {@code X-API-Key} or {@code Authorization: Bearer}. */
@Singleton
public class ApiKeyAuthenticator {

    public static final String API_KEY_HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    private final ApiKeyRepository keys;
    private final ApiKeyUsageRecorder usage;
    // Every request authenticates; the key behind a hash changes only on revocation (see forget).
    private final MeteredCache<String, ApiKeyRepository.StoredKey> cache;

    public ApiKeyAuthenticator(ApiKeyRepository keys, ApiKeyUsageRecorder usage, Caches caches) {
        this.keys = keys;
        this.usage = usage;
        this.cache = caches.create("api_keys", caches.settings().authTtl());
    }

    /**
     * Drops a key from this instance's cache after its revocation was committed. Other instances notice within
     * AUTH_CACHE_TTL_SECONDS; a revocation's time is stored, so a cached key stops working at that time anyway.
     */
    public void forget(java.util.UUID keyId) {
        cache.invalidateValues(key -> key.id().equals(keyId));
    }

    public Caller authenticate(HttpRequest<?> request) {
        String presented = presentedKey(request).orElseThrow(() -> new ApiException(ErrorCode.UNAUTHORIZED,
                "Authentication required: send your API key in the X-API-Key header or as Authorization: Bearer <key>."));
        byte[] hash = ApiKeys.hash(presented);
        ApiKeyRepository.StoredKey key = cache.get(HexFormat.of().formatHex(hash), ignored -> keys.findByHash(hash))
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
