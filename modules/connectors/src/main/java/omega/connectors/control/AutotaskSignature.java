package omega.connectors.control;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Autotask webhook callouts: {@code X-Hook-Signature} must be {@code sha1=} + base64(HMAC-SHA1(the
 * webhook's SecretKey, raw body)) (Autotask's "Secret key and payload verification"), compared in constant
 * time. Autotask sends no timestamp, so there is no staleness check; duplicates are harmless (deduplicated by
 * the payload hash).
 */
public final class AutotaskSignature {

    public static final String HEADER = "X-Hook-Signature";
    static final String PREFIX = "sha1=";

    /** Why a request was refused, or {@link #VALID}. */
    public enum Verdict { VALID, MISSING_HEADER, BAD_SIGNATURE }

    private AutotaskSignature() {
    }

    public static Verdict verify(String secretKey, String body, String header) {
        if (secretKey == null || secretKey.isEmpty() || body == null || header == null || header.isBlank()) {
            return Verdict.MISSING_HEADER;
        }
        String value = header.strip();
        if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Verdict.BAD_SIGNATURE;
        }
        byte[] expected = sign(secretKey, body).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = (PREFIX + value.substring(PREFIX.length())).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual) ? Verdict.VALID : Verdict.BAD_SIGNATURE;
    }

    /** @return {@code sha1=} + base64(HMAC-SHA1(secretKey, body)), the header value Autotask sends */
    public static String sign(String secretKey, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return PREFIX + Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA1 is unavailable", e);
        }
    }
}
