package omega.triage.api;

import java.time.Instant;

/** One row of a ticket list. */
public record TicketSummary(String id, String source, String externalId, String title, String client,
        String priority, String category, TicketStatus status, Instant receivedAt, Instant updatedAt) {
}
