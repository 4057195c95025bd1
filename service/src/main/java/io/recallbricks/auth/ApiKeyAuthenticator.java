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
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Finds the tenant behind the key a request presents in {@code X-API-Key} or {@code Authorization: Bearer}. */
@Singleton
public class ApiKeyAuthenticator {

    public static final String API_KEY_HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    private final ApiKeyRepository keys;
    private final ApiKeyUsageRecorder usage;
    // Every request authenticates; the key behind a hash changes only on revocation (see forget).
    private final MeteredCache<String, ApiKeyRepository.StoredKey> cache;
    // Hashes no key has: a guess presented again within AUTH_NEGATIVE_CACHE_SECONDS costs no query. A key issued
    // through this instance is removed from it (see issued); one issued elsewhere cannot have been guessed before.
    private final MeteredCache<String, Boolean> unknown;
    // Counts revocations on this instance: a lookup that overlapped one does not keep what it read (see lookUp).
    private final AtomicLong revocations = new AtomicLong();

    public ApiKeyAuthenticator(ApiKeyRepository keys, ApiKeyUsageRecorder usage, Caches caches) {
        this.keys = keys;
        this.usage = usage;
        this.cache = caches.create("api_keys", caches.settings().authTtl());
        this.unknown = caches.create("api_keys_unknown", caches.settings().authNegativeTtl());
    }

    /**
     * Drops a key from this instance's cache after its revocation was committed. Other instances notice within
     * AUTH_CACHE_TTL_SECONDS; a revocation's time is stored, so a cached key stops working at that time anyway.
     */
    public void forget(UUID keyId) {
        revocations.incrementAndGet(); // first: a lookup in flight sees it and drops what it is about to cache
        cache.invalidateValues(key -> key.id().equals(keyId));
    }

    /** A key was created: it must not stay in the cache of unknown keys. */
    public void issued(String plainKey) {
        unknown.invalidate(HexFormat.of().formatHex(ApiKeys.hash(plainKey)));
    }

    /** True when the request presents a key this instance has cached as valid (no lookup is made). */
    public boolean knowsValid(HttpRequest<?> request) {
        return presentedKey(request)
                .flatMap(presented -> cache.peek(HexFormat.of().formatHex(ApiKeys.hash(presented))))
                .filter(key -> !key.isRevokedAt(Instant.now()))
                .isPresent();
    }

    public Caller authenticate(HttpRequest<?> request) {
        String presented = presentedKey(request).orElseThrow(() -> new ApiException(ErrorCode.UNAUTHORIZED,
                "Authentication required: send your API key in the X-API-Key header or as Authorization: Bearer <key>."));
        byte[] hash = ApiKeys.hash(presented);
        ApiKeyRepository.StoredKey key = lookUp(hash)
                .orElseThrow(() -> new ApiException(ErrorCode.UNAUTHORIZED, "Invalid API key."));
        if (key.isRevokedAt(Instant.now())) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "This API key has been revoked.");
        }
        usage.recordUse(key.id());
        return new Caller(key.userId(), key.id());
    }

    private Optional<ApiKeyRepository.StoredKey> lookUp(byte[] hash) {
        String hex = HexFormat.of().formatHex(hash);
        Optional<ApiKeyRepository.StoredKey> cached = cache.getIfPresent(hex);
        if (cached.isPresent()) {
            return cached;
        }
        if (unknown.getIfPresent(hex).isPresent()) {
            return Optional.empty();
        }
        long revocationsBefore = revocations.get();
        Optional<ApiKeyRepository.StoredKey> found = keys.findByHash(hash);
        if (found.isEmpty()) {
            unknown.put(hex, Boolean.TRUE);
            return found;
        }
        cache.put(hex, found.get());
        // A revocation committed after the read above may have run its forget() before the put: undo the put then.
        // (Put first, check second: a forget() after the check finds the entry and removes it itself.)
        if (revocations.get() != revocationsBefore) {
            cache.invalidate(hex);
        }
        return found;
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
