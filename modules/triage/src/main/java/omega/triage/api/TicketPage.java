package omega.triage.api;

import java.util.List;

/** A page of tickets, newest first; {@code page} counts from 0. */
public record TicketPage(List<TicketSummary> items, int page, int size, long total) {
}
