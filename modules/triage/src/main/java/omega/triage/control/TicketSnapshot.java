package omega.triage.control;

import java.time.Instant;

/** A ticket version that needs a decision, as the triage stage recorded it. */
public record TicketSnapshot(String ticketId, String tenantId, long version, String title, String body,
                             String requester, String priority, Instant createdAt, String slaDueAt, Instant queuedAt,
                             long queuedNanos) {
}
