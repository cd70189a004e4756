package omega.triage.api;

import java.util.List;

/** The values a tenant's ticket list can be filtered by: its clients and categories, most frequent first. */
public record TicketFacets(List<String> clients, List<String> categories) {
}
