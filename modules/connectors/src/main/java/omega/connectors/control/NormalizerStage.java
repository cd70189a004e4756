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

/**
 * The normalizer stage: a queued raw payload becomes canonical tickets on {@code ticket-normalized}. A
 * payload that cannot be normalized (a permanent failure) is recorded as a failure and completes normally,
 * so it is acked rather than redelivered pointlessly; anything else fails the returned stage (nack,
 * redelivery, dead-letter queue after max-deliveries).
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
     * Returns once every ticket was committed to the broker (or the failure recorded).
     *
     * @throws RuntimeException when publishing failed or timed out: the raw message must be nacked
     */
    public void process(RawMessage message) {
        RawPayload raw = new RawPayload(PsaPlatform.fromSlug(message.platform()), message.tenantId(), message.rawId(),
                message.contentType(), message.body(), null,
                message.receivedAt() == null ? null : Instant.parse(message.receivedAt()));
        List<TicketNormalized> tickets;
        try {
            tickets = normalization.normalize(raw);
        } catch (NormalizationFailed failed) {
            failures.record(raw.tenantId(), raw.platform().slug(), raw.rawId(), failed);
            return;
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
}
