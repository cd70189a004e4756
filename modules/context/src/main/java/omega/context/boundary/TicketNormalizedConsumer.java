package omega.context.boundary;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import omega.context.control.MemoryIntake;
import omega.platform.api.TicketNormalized;
import omega.platform.api.JsonBody;

/**
 * Consumes {@code ticket-normalized} (shared subscription {@code context-normalized}, profiles {@code all} and {@code perimeter}):
 * every ticket version: its current text, requester and client are followed; a version carrying a resolution is remembered. Idempotent; acks after the commit, a failure nacks (redelivered, then dead-lettered with its reason).
 */
@ApplicationScoped
public class TicketNormalizedConsumer {

    @Inject
    MemoryIntake intake;

    @Incoming("ticket-normalized-context")
    public CompletionStage<Void> onTicketNormalized(Message<String> message) {
        try {
            intake.normalized(JsonBody.parse(message.getPayload(), TicketNormalized.class));
            return message.ack();
        } catch (RuntimeException e) {
            return message.nack(e);
        }
    }
}
