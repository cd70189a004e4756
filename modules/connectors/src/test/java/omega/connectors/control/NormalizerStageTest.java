package omega.connectors.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import omega.connectors.api.NormalizationFailed;
import omega.connectors.api.PsaPlatform;
import omega.platform.api.TicketNormalized;
import omega.platform.api.UnprocessableMessage;

/** The normalizer stage's verdicts: publish, refuse at once (recorded, dead-lettered) or fail for redelivery. */
class NormalizerStageTest {

    private final List<String> recorded = new ArrayList<>();
    private final List<String> resolved = new ArrayList<>();
    private final List<TicketNormalized> published = new ArrayList<>();
    private CompletableFuture<Void> publishResult = CompletableFuture.completedFuture(null);
    private NormalizerStage stage;

    @BeforeEach
    void wire() {
        stage = new NormalizerStage();
        stage.normalization = new Normalization() {
            @Override
            public List<TicketNormalized> normalize(RawPayload raw) {
                return new ServiceNowNormalizer().normalize(raw);
            }
        };
        stage.failures = new NormalizationFailures() {
            @Override
            public String record(String tenantId, String platform, String rawId, NormalizationFailed failure) {
                recorded.add(rawId + " " + failure.reason());
                return "failure-1";
            }

            @Override
            public void resolve(String rawId) {
                resolved.add(rawId);
            }
        };
        stage.publisher = new TicketPublisher() {
            @Override
            public CompletableFuture<Void> publish(List<TicketNormalized> tickets) {
                published.addAll(tickets);
                return publishResult;
            }
        };
    }

    @Test
    void aGoodPayloadIsPublishedAndAReplayResolvesItsFailure() {
        stage.process(message(Payloads.read(PsaPlatform.SERVICENOW, "incident-get.json"), true));
        assertEquals(1, published.size());
        assertEquals("raw-9", published.get(0).rawId());
        assertEquals(List.of("raw-9"), resolved);
        assertTrue(recorded.isEmpty());
    }

    @Test
    void aPayloadThatCannotBeNormalizedIsRecordedThenRefusedAsUnprocessable() {
        UnprocessableMessage refused = assertThrows(UnprocessableMessage.class,
                () -> stage.process(message("{\"sys_id\":\"x1\",\"sys_updated_on\":\"2026-03-01 10:00:00\"}", false)));
        assertEquals(NormalizationFailed.MISSING_FIELD, refused.reason());
        assertTrue(refused.getMessage().contains("failure-1"), refused.getMessage());
        assertInstanceOf(NormalizationFailed.class, refused.getCause());
        assertEquals(List.of("raw-9 missing-field"), recorded);
        assertTrue(published.isEmpty(), "nothing published");
        assertTrue(resolved.isEmpty());
    }

    @Test
    void aFailedPublishIsNotUnprocessableSoItIsRedelivered() {
        publishResult = CompletableFuture.failedFuture(new IllegalStateException("broker down"));
        RuntimeException failed = assertThrows(RuntimeException.class,
                () -> stage.process(message(Payloads.read(PsaPlatform.SERVICENOW, "incident-get.json"), true)));
        assertNull(UnprocessableMessage.in(failed));
        assertTrue(resolved.isEmpty(), "a replay is resolved only once published");
    }

    @Test
    void aMessageWithoutUsablePlatformTenantOrTimeIsUnprocessable() {
        for (RawMessage bad : List.of(
                new RawMessage("raw-9", "acme", "myspace", "application/json", "{}", null, false),
                new RawMessage("raw-9", null, "servicenow", "application/json", "{}", null, false),
                new RawMessage("raw-9", "acme", "servicenow", "application/json", null, null, false),
                new RawMessage("raw-9", "acme", "servicenow", "application/json", "{}", "yesterday", false))) {
            UnprocessableMessage refused = assertThrows(UnprocessableMessage.class, () -> stage.process(bad));
            assertEquals("unreadable-message", refused.reason());
        }
        assertTrue(recorded.isEmpty() && published.isEmpty());
        assertFalse(recorded.contains("raw-9"));
    }

    private static RawMessage message(String body, boolean replay) {
        return new RawMessage("raw-9", "acme", "servicenow", "application/json", body, "2026-03-05T12:00:00Z", replay);
    }
}
