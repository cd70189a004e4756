package omega.triage.api;

/** The answer to a ticket submission; {@code duplicate} is true when (source, externalId) was already known. */
public record Acceptance(String id, TicketStatus status, boolean duplicate) {
}
