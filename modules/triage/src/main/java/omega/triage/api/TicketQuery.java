package omega.triage.api;

import java.util.List;

import omega.titans.api.Tier;

/**
 * Which of a tenant's tickets a list shows (every filter optional: null = any) and in which order.
 *
 * @param category matches the decided (or technician-given) category, else the source's category
 * @param ids      only these tickets (e.g. the ones a live update named); null or empty = any
 */
public record TicketQuery(TicketStatus status, Tier tier, String client, String category, TicketSort sort,
                          List<String> ids) {

    public static TicketQuery byStatus(TicketStatus status) {
        return new TicketQuery(status, null, null, null, TicketSort.NEWEST, null);
    }
}
