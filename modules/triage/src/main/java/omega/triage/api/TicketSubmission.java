package omega.triage.api;

/** The canonical ticket a client posts to {@code POST /api/v1/tickets}. Unknown fields are ignored. */
public record TicketSubmission(
        String externalId,
        String source,
        String title,
        String body,
        String requester,
        String client,
        String createdAt,
        String priority,
        String category) {
}
