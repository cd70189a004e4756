package omega.connectors.control;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Zendesk webhook signatures: {@code X-Zendesk-Webhook-Signature} must be
 * base64(HMAC-SHA256(signing secret, {@code X-Zendesk-Webhook-Signature-Timestamp} + raw body)), compared in
 * constant time, and the timestamp may be at most {@code tolerance} (default 5 minutes) away from now, so a
 * captured request cannot be replayed later.
 */
public final class ZendeskSignature {

    public static final String SIGNATURE_HEADER = "X-Zendesk-Webhook-Signature";
    public static final String TIMESTAMP_HEADER = "X-Zendesk-Webhook-Signature-Timestamp";
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    /** Why a request was refused, or {@link #VALID}. */
    public enum Verdict { VALID, MISSING_HEADERS, BAD_TIMESTAMP, STALE_TIMESTAMP, BAD_SIGNATURE }

    private final Clock clock;
    private final Duration tolerance;

    public ZendeskSignature(Clock clock, Duration tolerance) {
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("tolerance must not be negative: " + tolerance);
        }
        this.clock = clock;
        this.tolerance = tolerance;
    }

    public ZendeskSignature() {
        this(Clock.systemUTC(), DEFAULT_TOLERANCE);
    }

    /** Checks the signature headers of a received payload. */
    public Verdict verify(String signingSecret, RawPayload raw) {
        return verify(signingSecret, raw.header(TIMESTAMP_HEADER), raw.body(), raw.header(SIGNATURE_HEADER));
    }

    public Verdict verify(String signingSecret, String timestamp, String body, String signature) {
        if (signingSecret == null || signingSecret.isEmpty() || timestamp == null || signature == null || body == null) {
            return Verdict.MISSING_HEADERS;
        }
        Instant signedAt;
        try {
            signedAt = Instant.parse(timestamp.strip());
        } catch (DateTimeParseException e) {
            return Verdict.BAD_TIMESTAMP;
        }
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(tolerance) > 0) {
            return Verdict.STALE_TIMESTAMP;
        }
        byte[] expected = sign(signingSecret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = signature.strip().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual) ? Verdict.VALID : Verdict.BAD_SIGNATURE;
    }

    /** @return base64(HMAC-SHA256(secret, timestamp + body)), the value Zendesk sends */
    public static String sign(String signingSecret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
