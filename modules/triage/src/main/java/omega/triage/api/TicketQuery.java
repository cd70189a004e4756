package omega.triage.api;

import omega.titans.api.Tier;

/**
 * Which of a tenant's tickets a list shows (every filter optional: null = any) and in which order.
 *
 * @param category matches the decided (or technician-given) category, else the source's category
 */
public record TicketQuery(TicketStatus status, Tier tier, String client, String category, TicketSort sort) {

    public static TicketQuery byStatus(TicketStatus status) {
        return new TicketQuery(status, null, null, null, TicketSort.NEWEST);
    }
}
