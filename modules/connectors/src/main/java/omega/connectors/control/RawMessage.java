package omega.connectors.control;

/**
 * The body of a {@code ticket-raw} message: a stored raw payload, ready to normalize.
 *
 * @param replay true when an operator re-queued a failed payload
 */
public record RawMessage(String rawId, String tenantId, String platform, String contentType, String body,
        String receivedAt, boolean replay) {
}
