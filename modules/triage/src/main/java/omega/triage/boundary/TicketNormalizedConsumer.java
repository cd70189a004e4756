package omega.triage.boundary;

import java.util.concurrent.CompletionStage;

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
 * decision with the move to TRIAGED in one transaction ({@link Triage}), acks after that commit and wakes the outbox that publishes on
 * {@code ticket-triaged}. A failure nacks, so the message is redelivered and, after {@code max-deliveries},
 * dead-lettered with its reason; a redelivery decides a recorded but undecided version. (Handing the work to the
 * managed executor to decide two tickets at a time was measured: no gain in tickets/s and more CPU per ticket, see
 * docs/benchmarks.md.)
 */
@ApplicationScoped
public class TicketNormalizedConsumer {

    @Inject
    Triage triage;

    @Inject
    DecisionOutbox outbox;

    @Incoming("ticket-normalized-triage")
    public CompletionStage<Void> onTicket(Message<String> message) {
        try {
            if (triage.triage(JsonBody.parse(message.getPayload(), TicketNormalized.class))) {
                outbox.wake();
            }
            return message.ack();
        } catch (RuntimeException e) {
            return message.nack(e);
        }
    }
}
