package omega.context.boundary;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import omega.context.control.MemoryIntake;
import omega.platform.api.HistoricalTicket;
import omega.platform.api.JsonBody;

/**
 * Consumes {@code ticket-history} (shared subscription {@code context-history}, profiles {@code all} and {@code perimeter}):
 * labelled past tickets from history imports → long-term memory (in batches, through the inbox). Idempotent; acks after the commit, a failure nacks (redelivered, then dead-lettered with its reason).
 */
@ApplicationScoped
public class TicketHistoryConsumer {

    @Inject
    MemoryIntake intake;

    @Incoming("ticket-history-context")
    public CompletionStage<Void> onHistoricalTicket(Message<String> message) {
        try {
            intake.history(JsonBody.parse(message.getPayload(), HistoricalTicket.class));
            return message.ack();
        } catch (RuntimeException e) {
            return message.nack(e);
        }
    }
}
