package omega.triage.api;

import java.time.Instant;

public record StatusChange(TicketStatus status, Instant at, String detail) {
}
