package omega.connectors.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import omega.connectors.api.PsaPlatform;
import omega.connectors.control.ZendeskSignature.Verdict;

class ZendeskSignatureTest {

    private static final String SECRET = "dGhpcy1pcy1hLXRlc3Qtc2VjcmV0";
    private static final String TIMESTAMP = "2026-03-02T08:15:00Z";
    private static final String BODY = "{\"type\":\"zen:event-type:ticket.created\",\"detail\":{\"id\":\"7301\",\"subject\":\"Ünïcode ✓\"}}";

    private final ZendeskSignature signature = new ZendeskSignature(
            Clock.fixed(Instant.parse("2026-03-02T08:16:00Z"), ZoneOffset.UTC), ZendeskSignature.DEFAULT_TOLERANCE);

    @Test
    void signatureIsBase64HmacSha256OfTimestampPlusBody() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal((TIMESTAMP + BODY).getBytes(StandardCharsets.UTF_8)));

        assertEquals(expected, ZendeskSignature.sign(SECRET, TIMESTAMP, BODY));
    }

    @Test
    void aCorrectlySignedFreshRequestIsValidWithHeaderNamesInAnyCase() {
        RawPayload raw = new RawPayload(PsaPlatform.ZENDESK, "t", "r", "application/json", BODY,
                Map.of("x-zendesk-webhook-signature", ZendeskSignature.sign(SECRET, TIMESTAMP, BODY),
                        "X-ZENDESK-WEBHOOK-SIGNATURE-TIMESTAMP", TIMESTAMP), null);

        assertEquals(Verdict.VALID, signature.verify(SECRET, raw));
    }

    @Test
    void aChangedBodyTimestampOrSecretIsABadSignature() {
        String valid = ZendeskSignature.sign(SECRET, TIMESTAMP, BODY);

        assertEquals(Verdict.BAD_SIGNATURE, signature.verify(SECRET, TIMESTAMP, BODY + " ", valid));
        assertEquals(Verdict.BAD_SIGNATURE, signature.verify("other-secret", TIMESTAMP, BODY, valid));
        assertEquals(Verdict.BAD_SIGNATURE, signature.verify(SECRET, "2026-03-02T08:15:01Z", BODY, valid));
        assertEquals(Verdict.BAD_SIGNATURE, signature.verify(SECRET, TIMESTAMP, BODY, valid.substring(1)));
    }

    @Test
    void timestampsBeyondTheToleranceEitherWayAreStale() {
        ZendeskSignature strict = new ZendeskSignature(
                Clock.fixed(Instant.parse("2026-03-02T08:20:01Z"), ZoneOffset.UTC), Duration.ofMinutes(5));
        ZendeskSignature early = new ZendeskSignature(
                Clock.fixed(Instant.parse("2026-03-02T08:09:59Z"), ZoneOffset.UTC), Duration.ofMinutes(5));
        ZendeskSignature edge = new ZendeskSignature(
                Clock.fixed(Instant.parse("2026-03-02T08:20:00Z"), ZoneOffset.UTC), Duration.ofMinutes(5));
        String valid = ZendeskSignature.sign(SECRET, TIMESTAMP, BODY);

        assertEquals(Verdict.STALE_TIMESTAMP, strict.verify(SECRET, TIMESTAMP, BODY, valid));
        assertEquals(Verdict.STALE_TIMESTAMP, early.verify(SECRET, TIMESTAMP, BODY, valid));
        assertEquals(Verdict.VALID, edge.verify(SECRET, TIMESTAMP, BODY, valid));
    }

    @Test
    void missingHeadersOrSecretAndUnreadableTimestampsAreRefused() {
        String valid = ZendeskSignature.sign(SECRET, TIMESTAMP, BODY);

        assertEquals(Verdict.MISSING_HEADERS, signature.verify(SECRET, null, BODY, valid));
        assertEquals(Verdict.MISSING_HEADERS, signature.verify(SECRET, TIMESTAMP, BODY, null));
        assertEquals(Verdict.MISSING_HEADERS, signature.verify("", TIMESTAMP, BODY, valid));
        assertEquals(Verdict.MISSING_HEADERS, signature.verify(SECRET, Payloads.raw(PsaPlatform.ZENDESK, BODY)));
        assertEquals(Verdict.BAD_TIMESTAMP, signature.verify(SECRET, "yesterday", BODY, valid));
    }

    @Test
    void aNegativeToleranceIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new ZendeskSignature(Clock.systemUTC(), Duration.ofSeconds(-1)));
    }
}
