package io.recallbricks.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * API key format and hashing. A key is {@code rbk_} followed by 256 random bits in URL-safe base64; it is shown
 * once, and only its SHA-256 is stored. The prefix identifies a key in listings without revealing it.
 */
public final class ApiKeys {

    static final String SCHEME = "rbk_";
    private static final int PREFIX_LENGTH = SCHEME.length() + 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    /** A new key and what is stored about it. */
    public record NewKey(String secret, String prefix, byte[] hash) {
    }

    public static NewKey generate() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = SCHEME + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return new NewKey(secret, secret.substring(0, PREFIX_LENGTH), hash(secret));
    }

    public static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }

    /** Constant-time comparison of two secrets, whatever their lengths (hashing first hides the length). */
    public static boolean sameSecret(String presented, String expected) {
        return MessageDigest.isEqual(hash(presented), hash(expected));
    }
}
