package omega.connectors.boundary;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import omega.connectors.control.NormalizerStage;
import omega.connectors.control.RawMessage;
import omega.platform.api.JsonBody;

/**
 * The normalizer stage's consumer of {@code ticket-raw} (the all and normalizer-worker profiles). Acks only
 * after the canonical tickets were committed on {@code ticket-normalized} (or the normalization failure was
 * recorded); an unexpected failure nacks, so the payload is redelivered and finally dead-lettered.
 */
@ApplicationScoped
public class TicketRawConsumer {

    @Inject
    NormalizerStage stage;

    @Incoming("ticket-raw-normalizer")
    public CompletionStage<Void> onRaw(Message<String> message) {
        try {
            stage.process(JsonBody.parse(message.getPayload(), RawMessage.class));
            return message.ack();
        } catch (RuntimeException e) {
            return message.nack(e);
        }
    }
}
