package io.recallbricks.admin;

import io.micronaut.transaction.annotation.Transactional;
import io.recallbricks.auth.ApiKeyRepository;
import io.recallbricks.auth.ApiKeyRepository.KeyListing;
import io.recallbricks.auth.ApiKeys;
import io.recallbricks.resilience.DatabaseGuarded;
import io.recallbricks.web.ApiException;
import io.recallbricks.web.ErrorCode;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Tenants and their keys: creation, issue, rotation and revocation. */
@Singleton
@DatabaseGuarded
public class TenantService {

    /** A key together with its secret, which exists only in this response. */
    public record IssuedKey(KeyListing key, String secret) {
    }

    public record NewTenant(UserRepository.User user, IssuedKey key) {
    }

    private final UserRepository users;
    private final ApiKeyRepository keys;

    public TenantService(UserRepository users, ApiKeyRepository keys) {
        this.users = users;
        this.keys = keys;
    }

    @Transactional
    public NewTenant createTenant(String name, String email, String plan) {
        if (email != null && users.emailTaken(email)) {
            throw new ApiException(ErrorCode.CONFLICT, "A user with this email already exists.");
        }
        UserRepository.User user = users.insert(name, email, plan == null ? "free" : plan);
        return new NewTenant(user, issue(user.id(), "default"));
    }

    @Transactional
    public IssuedKey issueKey(UUID userId, String name) {
        users.findById(userId).orElseThrow(() -> ApiException.notFound("User"));
        return issue(userId, name);
    }

    public List<KeyListing> listKeys(UUID userId) {
        users.findById(userId).orElseThrow(() -> ApiException.notFound("User"));
        return keys.findByUser(userId);
    }

    /**
     * Issues a replacement for a key and revokes the old one, at once or after a grace period during which both
     * work (so clients can be redeployed without an outage).
     */
    @Transactional
    public IssuedKey rotate(UUID keyId, int graceSeconds) {
        KeyListing old = keys.findById(keyId).orElseThrow(() -> ApiException.notFound("API key"));
        if (old.revokedAt() != null && !old.revokedAt().isAfter(Instant.now())) {
            throw new ApiException(ErrorCode.CONFLICT, "This API key is already revoked; issue a new one instead.");
        }
        IssuedKey replacement = issue(old.userId(), old.name());
        keys.revoke(keyId, Instant.now().plusSeconds(graceSeconds));
        return replacement;
    }

    public KeyListing revoke(UUID keyId) {
        return keys.revoke(keyId, Instant.now()).orElseThrow(() -> ApiException.notFound("API key"));
    }

    private IssuedKey issue(UUID userId, String name) {
        ApiKeys.NewKey key = ApiKeys.generate();
        return new IssuedKey(keys.insert(userId, name, key), key.secret());
    }
}
