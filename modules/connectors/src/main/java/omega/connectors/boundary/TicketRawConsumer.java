package omega.connectors.boundary;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import omega.connectors.control.NormalizerStage;
import omega.connectors.control.RawMessage;
import omega.platform.api.JsonBody;
import omega.platform.api.UnprocessableMessage;

/**
 * The normalizer stage's consumer of {@code ticket-raw} (the all and normalizer-worker profiles). Acks only
 * after the canonical tickets were committed on {@code ticket-normalized} (or the normalization failure was
 * recorded); a payload that cannot be normalized, or an unreadable message, nacks with an
 * {@link UnprocessableMessage} (dead-lettered at once with the reason); any other failure nacks, so the payload
 * is redelivered and finally dead-lettered.
 */
@ApplicationScoped
public class TicketRawConsumer {

    @Inject
    NormalizerStage stage;

    @Incoming("ticket-raw-normalizer")
    public CompletionStage<Void> onRaw(Message<String> message) {
        try {
            stage.process(read(message.getPayload()));
            return message.ack();
        } catch (RuntimeException e) {
            return message.nack(e);
        }
    }

    static RawMessage read(String payload) {
        try {
            RawMessage raw = JsonBody.parse(payload, RawMessage.class);
            if (raw == null) {
                throw new IllegalArgumentException("empty message");
            }
            return raw;
        } catch (RuntimeException e) {
            throw new UnprocessableMessage("unreadable-message", "ticket-raw message is not a raw payload: " + e.getMessage(), e);
        }
    }
}
