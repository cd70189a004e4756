package omega.connectors.api;

/**
 * The answer to a webhook delivery: the payload is stored and queued for normalization.
 *
 * @param tickets   how many tickets the payload carries
 * @param duplicate true when this exact payload was already received: nothing new happened
 */
public record WebhookReceipt(String rawId, int tickets, boolean duplicate) {
}
