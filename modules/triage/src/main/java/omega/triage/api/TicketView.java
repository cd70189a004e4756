package omega.triage.api;

import java.time.Instant;
import java.util.List;

/** A ticket as the API shows it, with its status history (oldest first) and its latest decision (null before). */
public record TicketView(
        String id,
        String source,
        String externalId,
        long version,
        String title,
        String body,
        String requester,
        String client,
        Instant createdAt,
        String priority,
        String category,
        TicketStatus status,
        Instant receivedAt,
        Instant updatedAt,
        List<StatusChange> history,
        Decision decision) {
}
