package io.recallbricks.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.recallbricks.auth.ApiKeyAuthenticator;
import io.recallbricks.auth.ApiKeyRepository.KeyListing;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Operator routes: tenants and their API keys. Secrets appear once, in the response that creates them. */
@Controller("/api/v1/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminController {

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record CreateUserRequest(@NotBlank @Size(max = 200) String name,
                                    @Nullable @Email @Size(max = 320) String email,
                                    @Nullable @Pattern(regexp = "free|pro|team|enterprise") String plan) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record IssueKeyRequest(@Nullable @Size(max = 200) String name) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record RotateKeyRequest(@Nullable @Min(0) @Max(86_400) Integer graceSeconds) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CreatedUser(UUID userId, String name, String email, String plan, String apiKey, UUID apiKeyId,
                              String apiKeyPrefix, Instant createdAt) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record KeyView(UUID id, UUID userId, String name, String prefix, Instant createdAt, Instant lastUsedAt,
                          Instant revokedAt) {
        static KeyView of(KeyListing key) {
            return new KeyView(key.id(), key.userId(), key.name(), key.prefix(), key.createdAt(), key.lastUsedAt(),
                    key.revokedAt());
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record IssuedKeyView(UUID apiKeyId, String apiKey, String prefix, UUID userId, Instant createdAt) {
        static IssuedKeyView of(TenantService.IssuedKey issued) {
            return new IssuedKeyView(issued.key().id(), issued.secret(), issued.key().prefix(), issued.key().userId(),
                    issued.key().createdAt());
        }
    }

    private final TenantService tenants;
    private final ApiKeyAuthenticator authenticator;

    public AdminController(TenantService tenants, ApiKeyAuthenticator authenticator) {
        this.tenants = tenants;
        this.authenticator = authenticator;
    }

    @Post("/users")
    @Status(HttpStatus.CREATED)
    public CreatedUser createUser(@Valid @Body CreateUserRequest request) {
        TenantService.NewTenant tenant = tenants.createTenant(request.name().trim(), request.email(), request.plan());
        authenticator.issued(tenant.key().secret());
        return new CreatedUser(tenant.user().id(), tenant.user().name(), tenant.user().email(), tenant.user().plan(),
                tenant.key().secret(), tenant.key().key().id(), tenant.key().key().prefix(), tenant.user().createdAt());
    }

    @Get("/users/{userId}/keys")
    public Map<String, List<KeyView>> listKeys(UUID userId) {
        return Map.of("keys", tenants.listKeys(userId).stream().map(KeyView::of).toList());
    }

    @Post("/users/{userId}/keys")
    @Status(HttpStatus.CREATED)
    public IssuedKeyView issueKey(UUID userId, @Valid @Body @Nullable IssueKeyRequest request) {
        TenantService.IssuedKey issued = tenants.issueKey(userId, request == null ? null : request.name());
        authenticator.issued(issued.secret());
        return IssuedKeyView.of(issued);
    }

    @Post("/keys/{keyId}/rotate")
    public HttpResponse<IssuedKeyView> rotateKey(UUID keyId, @Valid @Body @Nullable RotateKeyRequest request) {
        int grace = request == null || request.graceSeconds() == null ? 0 : request.graceSeconds();
        TenantService.IssuedKey rotated = tenants.rotate(keyId, grace);
        authenticator.issued(rotated.secret());
        IssuedKeyView issued = IssuedKeyView.of(rotated);
        authenticator.forget(keyId); // after the commit, so no request can cache the key as it was before
        return HttpResponse.created(issued);
    }

    @Delete("/keys/{keyId}")
    public KeyView revokeKey(UUID keyId) {
        KeyView revoked = KeyView.of(tenants.revoke(keyId));
        authenticator.forget(keyId);
        return revoked;
    }
}
