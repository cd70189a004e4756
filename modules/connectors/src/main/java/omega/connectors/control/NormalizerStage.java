package omega.connectors.control;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import omega.connectors.api.NormalizationFailed;
import omega.connectors.api.PsaPlatform;
import omega.platform.api.TicketNormalized;
import omega.platform.api.UnprocessableMessage;

/**
 * The normalizer stage: a queued raw payload becomes canonical tickets on {@code ticket-normalized}. A
 * payload that cannot be normalized (a permanent failure) is recorded as a failure (listed and replayable by
 * the operator), then refused as an {@link UnprocessableMessage}, so the connector moves it to
 * {@code ticket-raw}'s dead-letter queue at once with the reason, rather than redelivering it pointlessly;
 * anything else (database, broker) fails too, and is redelivered, then dead-lettered after max-deliveries.
 */
@ApplicationScoped
public class NormalizerStage {

    static final int PUBLISH_TIMEOUT_SECONDS = 60;

    @Inject
    Normalization normalization;

    @Inject
    TicketPublisher publisher;

    @Inject
    NormalizationFailures failures;

    /**
     * Returns once every ticket was committed to the broker.
     *
     * @throws UnprocessableMessage when the payload cannot be normalized (the failure is recorded first)
     * @throws RuntimeException when recording or publishing failed or timed out: the raw message must be nacked
     */
    public void process(RawMessage message) {
        RawPayload raw = payload(message);
        List<TicketNormalized> tickets;
        try {
            tickets = normalization.normalize(raw);
        } catch (NormalizationFailed failed) {
            String failureId = failures.record(raw.tenantId(), raw.platform().slug(), raw.rawId(), failed);
            throw new UnprocessableMessage(failed.reason(), failed.getMessage() + " (failure " + failureId + ")", failed);
        }
        try {
            publisher.publish(tickets).get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("publishing on ticket-normalized failed: " + e, e);
        }
        if (message.replay()) {
            failures.resolve(raw.rawId());
        }
    }

    /** @throws UnprocessableMessage when the message itself is unusable (no platform, tenant or raw id) */
    static RawPayload payload(RawMessage message) {
        if (message.tenantId() == null || message.rawId() == null || message.body() == null) {
            throw new UnprocessableMessage("unreadable-message", "a ticket-raw message needs tenantId, rawId and body");
        }
        try {
            return new RawPayload(PsaPlatform.fromSlug(message.platform()), message.tenantId(), message.rawId(),
                    message.contentType(), message.body(), null,
                    message.receivedAt() == null ? null : Instant.parse(message.receivedAt()));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new UnprocessableMessage("unreadable-message", "not a usable ticket-raw message: " + e.getMessage(), e);
        }
    }
}
