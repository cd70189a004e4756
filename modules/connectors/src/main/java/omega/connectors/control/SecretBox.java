package omega.connectors.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals short secrets with AES-256-GCM: {@code v1:<key id>:<base64url(12-byte IV || ciphertext || 128-bit tag)>}.
 * The key id (the first 4 bytes of SHA-256 of the key, hex) tells which key sealed a value, so a server holding
 * another key fails with a clear message instead of a bare tag mismatch. The associated data binds a sealed value
 * to where it is stored (table, row id, column): copied to another row or column it no longer opens.
 */
public final class SecretBox {

    static final String VERSION = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String keyId;

    public SecretBox(byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("an AES-256 key has 32 bytes, not " + (key == null ? 0 : key.length));
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.keyId = keyId(key);
    }

    public String keyId() {
        return keyId;
    }

    /** @return the sealed form, or null for null */
    public String seal(String plain, String context) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return VERSION + ":" + keyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /**
     * @return the plain text, or null for null
     * @throws SecretUnreadable when the value was sealed with another key, for another place, or was altered
     */
    public String open(String sealed, String context) {
        if (sealed == null) {
            return null;
        }
        String[] parts = sealed.split(":", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new SecretUnreadable("not a sealed secret (expected " + VERSION + ":<key id>:<data>)");
        }
        if (!parts[1].equals(keyId)) {
            throw new SecretUnreadable("sealed with key " + parts[1] + ", but this server holds key " + keyId
                    + ": give every server the same connectors.secrets.key");
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(parts[2]);
            if (in.length < IV_BYTES + TAG_BITS / 8) {
                throw new SecretUnreadable("sealed secret is truncated");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | javax.crypto.AEADBadTagException e) {
            throw new SecretUnreadable("sealed secret does not authenticate (altered, or sealed for another place)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    static String keyId(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A sealed secret that this server cannot open. */
    public static final class SecretUnreadable extends IllegalStateException {
        public SecretUnreadable(String message) {
            super(message);
        }
    }
}
