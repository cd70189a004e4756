package omega.triage.control;

import java.time.Instant;

/**
 * A ticket version that needs a decision, as the triage stage recorded it.
 *
 * @param neverDecided no version of the ticket was decided yet (so there is no earlier decision to stay steady with
 *                     and none to look up)
 */
public record TicketSnapshot(String ticketId, String tenantId, long version, String title, String body,
                             String requester, String priority, Instant createdAt, String slaDueAt, Instant queuedAt,
                             long queuedNanos, boolean neverDecided) {
}
