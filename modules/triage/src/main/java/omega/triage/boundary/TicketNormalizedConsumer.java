package omega.triage.boundary;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import omega.platform.api.JsonBody;
import omega.platform.api.TicketNormalized;
import omega.triage.control.DecisionOutbox;
import omega.triage.control.Triage;

/**
 * The triage stage's consumer of {@code ticket-normalized} (shared subscription {@code triage}); runs in the
 * {@code all} and {@code triage-worker} profiles. Records the ticket (QUEUED_FOR_TRIAGE), decides it and stores the
 * decision with the move to TRIAGED in one transaction ({@link Triage}), acks after that commit and wakes the outbox
 * that publishes on {@code ticket-triaged}. A failure nacks, so the message is redelivered and, after
 * {@code max-deliveries}, dead-lettered with its reason; a redelivery decides a recorded but undecided version.
 *
 * <p>Reactive Messaging calls this method serially; the work runs on the managed executor and the method returns at
 * once, so the channel's next receiver (each holds its own transacted session until its message is acked or nacked)
 * hands in the next message meanwhile: up to the channel's {@code consumers} tickets (default 2, one per core here)
 * are decided at a time. A decision spends part of its time waiting (its commit, the similar-ticket search on another
 * thread), which one consumer cannot fill: measured on an idle 2-core machine in docs/benchmarks.md.
 */
@ApplicationScoped
public class TicketNormalizedConsumer {

    @Inject
    Triage triage;

    @Inject
    DecisionOutbox outbox;

    @Resource
    ManagedExecutorService executor;

    @Incoming("ticket-normalized-triage")
    public CompletionStage<Void> onTicket(Message<String> message) {
        try {
            executor.execute(() -> handle(message));
        } catch (RejectedExecutionException e) {
            return message.nack(e);
        }
        return CompletableFuture.completedFuture(null);
    }

    private void handle(Message<String> message) {
        try {
            if (triage.triage(JsonBody.parse(message.getPayload(), TicketNormalized.class))) {
                outbox.wake();
            }
            message.ack();
        } catch (RuntimeException e) {
            message.nack(e);
        }
    }
}
