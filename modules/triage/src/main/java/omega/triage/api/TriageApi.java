package omega.triage.api;

import java.util.Optional;

/** The triage module's facade for other modules. */
public interface TriageApi {

    Optional<TicketView> ticket(String tenantId, String ticketId);

    TicketPage tickets(String tenantId, TicketQuery query, int page, int size);

    default TicketPage tickets(String tenantId, TicketStatus status, int page, int size) {
        return tickets(tenantId, TicketQuery.byStatus(status), page, size);
    }
}
