package omega.triage.boundary;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import omega.platform.api.JsonBody;
import omega.platform.api.TicketNormalized;
import omega.triage.control.Decider;
import omega.triage.control.DecisionOutbox;
import omega.triage.control.Decisions;
import omega.triage.control.TicketSnapshot;
import omega.triage.control.TriageQueue;

/**
 * The triage stage's consumer of {@code ticket-normalized} (shared subscription {@code triage}); runs in the
 * {@code all} and {@code triage-worker} profiles. Records the ticket (QUEUED_FOR_TRIAGE), decides it, stores the
 * decision with the move to TRIAGED, acks after that commit and wakes the outbox that publishes on
 * {@code ticket-triaged}. A failure nacks, so the message is redelivered and, after {@code max-deliveries},
 * dead-lettered with its reason; a redelivery decides a recorded but undecided version.
 */
@ApplicationScoped
public class TicketNormalizedConsumer {

    @Inject
    TriageQueue queue;

    @Inject
    Decider decider;

    @Inject
    Decisions decisions;

    @Inject
    DecisionOutbox outbox;

    @Incoming("ticket-normalized-triage")
    public CompletionStage<Void> onTicket(Message<String> message) {
        try {
            Optional<TicketSnapshot> undecided = queue.record(JsonBody.parse(message.getPayload(), TicketNormalized.class));
            if (undecided.isPresent()) {
                TicketSnapshot ticket = undecided.get();
                Decider.Draft draft = decider.decide(ticket, decisions.latest(ticket.ticketId()).orElse(null));
                if (decisions.store(ticket, draft)) {
                    outbox.wake();
                }
            }
            return message.ack();
        } catch (RuntimeException e) {
            return message.nack(e);
        }
    }
}
