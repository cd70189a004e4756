package omega.platform.control;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.HexFormat;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Passwords are low-entropy secrets, so unlike API keys they get a slow KDF: PBKDF2-HMAC-SHA256 with a
 * per-user 128-bit salt and (by default) 600,000 iterations, OWASP's 2023 recommendation. The iteration count
 * is stored per user, so raising it later only affects new or changed passwords.
 */
public final class PasswordHasher {

    public static final int DEFAULT_ITERATIONS = 600_000;
    public static final int MIN_LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHasher() {
    }

    public static String newSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return HexFormat.of().formatHex(salt);
    }

    /** A random password for a generated bootstrap admin: 24 URL-safe characters. */
    public static String generatePassword() {
        byte[] secret = new byte[18];
        RANDOM.nextBytes(secret);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public static String hash(String saltHex, String password, int iterations) {
        KeySpec spec = new PBEKeySpec(password.toCharArray(), HexFormat.of().parseHex(saltHex), iterations, 256);
        try {
            return HexFormat.of().formatHex(SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec).getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JVM", e);
        }
    }

    public static boolean matches(String saltHex, String expectedHash, String password, int iterations) {
        return MessageDigest.isEqual(HexFormat.of().parseHex(hash(saltHex, password, iterations)),
                HexFormat.of().parseHex(expectedHash));
    }
}
