package omega.context.control;

import omega.context.api.ResolvedTicket;
import omega.context.api.SearchFilter;

/** The few fields of a remembered ticket that searches filter and rank on, kept in memory per ticket. */
record TicketFacets(String client, String category, String status, long resolvedAtMillis) {

    static TicketFacets of(ResolvedTicket ticket) {
        return new TicketFacets(intern(ticket.client()), intern(ticket.category()), intern(ticket.status()),
                ticket.resolvedAt().toEpochMilli());
    }

    boolean accepts(SearchFilter filter) {
        return filter.accepts(client, category, status);
    }

    /** Clients, categories and statuses repeat across thousands of tickets: keep one copy of each. */
    private static String intern(String value) {
        return value == null ? null : value.intern();
    }
}
