package io.recallbricks.compat;

import io.recallbricks.auth.Caller;
import io.recallbricks.web.ApiException;

import java.util.UUID;

/** The SDKs put {@code user_id} in bodies; this service acts only for the key's own user. */
final class CallerChecks {

    private CallerChecks() {
    }

    static void ownUserId(Caller caller, UUID userId) {
        if (userId != null && !userId.equals(caller.userId())) {
            throw ApiException.validation("user_id", "user_id must be omitted or be your own user id.");
        }
    }
}
