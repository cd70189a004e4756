package omega.triage.api;

import java.time.Instant;

/**
 * A ticket was accepted or changed status; fired (CDI) after the change is committed. {@code accepted} is true
 * for a new ticket. Carries ids and primitives only; readers fetch the ticket for more.
 */
public record TicketChanged(String tenantId, String ticketId, TicketStatus status, boolean accepted, Instant at) {
}
