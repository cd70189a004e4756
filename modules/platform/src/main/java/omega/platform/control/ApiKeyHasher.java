package omega.platform.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API keys are 256-bit random secrets, so a salted SHA-256 is a sound and fast verifier (a slow KDF
 * protects low-entropy passwords, which these are not). {@code lookup} = first 16 hex chars of SHA-256(key).
 */
public final class ApiKeyHasher {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyHasher() {
    }

    public static String generateKey() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return "omk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public static String newSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return HexFormat.of().formatHex(salt);
    }

    public static String lookup(String key) {
        return sha256(key.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    public static String hash(String salt, String key) {
        return sha256((salt + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    public static boolean matches(String salt, String expectedHash, String presentedKey) {
        return MessageDigest.isEqual(hash(salt, presentedKey).getBytes(StandardCharsets.US_ASCII),
                expectedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
