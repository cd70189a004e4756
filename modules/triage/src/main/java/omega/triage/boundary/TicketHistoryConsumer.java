package omega.triage.boundary;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import omega.platform.api.HistoricalTicket;
import omega.platform.api.JsonBody;
import omega.triage.control.HistoryImport;

/**
 * Consumes {@code ticket-history} (labelled past tickets from a PSA's history import; subscription {@code triage-history},
 * profiles {@code all} and {@code triage-worker}): stores each as a labelled example and retrains the tenant's
 * models in the background once enough new examples arrived. Acks after the commit; a failure nacks.
 */
@ApplicationScoped
public class TicketHistoryConsumer {

    @Inject
    HistoryImport history;

    @Incoming("ticket-history-triage")
    public CompletionStage<Void> onHistory(Message<String> message) {
        try {
            history.store(JsonBody.parse(message.getPayload(), HistoricalTicket.class));
            return message.ack();
        } catch (RuntimeException e) {
            return message.nack(e);
        }
    }
}
