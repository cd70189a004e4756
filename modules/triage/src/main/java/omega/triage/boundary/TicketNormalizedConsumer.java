package omega.triage.boundary;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import omega.platform.api.JsonBody;
import omega.platform.api.TicketNormalized;
import omega.triage.control.TriageQueue;

/**
 * The triage stage's consumer of {@code ticket-normalized} (shared subscription {@code triage}); runs in the
 * {@code all} and {@code triage-worker} profiles. Acks after the database commit; a failure nacks, so the
 * message is redelivered and, after {@code max-deliveries}, dead-lettered with its reason.
 */
@ApplicationScoped
public class TicketNormalizedConsumer {

    @Inject
    TriageQueue queue;

    @Incoming("ticket-normalized-triage")
    public CompletionStage<Void> onTicket(Message<String> message) {
        try {
            queue.record(JsonBody.parse(message.getPayload(), TicketNormalized.class));
            return message.ack();
        } catch (RuntimeException e) {
            return message.nack(e);
        }
    }
}
