package omega.context.api;

import java.util.List;
import java.util.Map;

/**
 * Memory of live tickets: what context last saw of each ticket (text, requester, client, labels from
 * {@code ticket-normalized} and {@code ticket-triaged}), so a resolution of it becomes a remembered ticket and
 * similar ones can be found by its id. Confined to one tenant per call.
 */
public interface TicketMemory {

    int MAX_SIMILAR = 50;

    /**
     * @return remembered tickets similar to this live ticket (never itself), best first
     * @throws omega.platform.api.ProblemException 404 when context has not seen the ticket, 400 for a bad limit
     */
    List<SearchHit> similarToTicket(String tenantId, String ticketId, int limit);

    /**
     * The ticket was resolved (or a technician gave its resolution with feedback): it is remembered within
     * seconds with this resolution and these labels (merged over the labels context already knew).
     *
     * @return false when context has not seen the ticket (nothing to remember it by)
     */
    boolean resolved(String tenantId, String ticketId, String resolution, Map<String, String> labels);
}
