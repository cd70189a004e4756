package omega.context.boundary;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import omega.context.control.MemoryIntake;
import omega.platform.api.TicketTriaged;
import omega.platform.api.JsonBody;

/**
 * Consumes {@code ticket-triaged} (shared subscription {@code context-triaged}, profiles {@code all} and {@code perimeter}):
 * decisions: OMEGA's ticket id and the decided labels of a followed ticket. Idempotent; acks after the commit, a failure nacks (redelivered, then dead-lettered with its reason).
 */
@ApplicationScoped
public class TicketTriagedConsumer {

    @Inject
    MemoryIntake intake;

    @Incoming("ticket-triaged-context")
    public CompletionStage<Void> onTicketTriaged(Message<String> message) {
        try {
            intake.triaged(JsonBody.parse(message.getPayload(), TicketTriaged.class));
            return message.ack();
        } catch (RuntimeException e) {
            return message.nack(e);
        }
    }
}
