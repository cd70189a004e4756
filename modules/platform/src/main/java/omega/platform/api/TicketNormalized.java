package omega.platform.api;

/**
 * The canonical ticket, as published on {@code ticket-normalized}. Timestamps are ISO-8601 strings.
 */
public record TicketNormalized(
        String ticketId,
        String tenantId,
        String source,
        String externalId,
        long version,
        String title,
        String body,
        String requester,
        String client,
        String createdAt,
        String priority,
        String category,
        String correlationId) {
}
