package omega.platform.api;

/**
 * Processed-message records for idempotent consumers. Call inside the consumer's transaction, before
 * changing state: when it answers {@code false} the message was already processed and must change nothing.
 */
public interface IdempotencyGuard {

    /** @return true the first time this key is seen by this consumer, false for a redelivery/duplicate */
    boolean firstDelivery(MessageKey key);
}
