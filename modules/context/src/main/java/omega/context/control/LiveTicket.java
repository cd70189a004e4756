package omega.context.control;

import java.time.Instant;
import java.util.Map;

import omega.context.api.ResolvedTicket;

/** What context knows of a live ticket (one row of {@code context_ticket}). */
record LiveTicket(String tenantId, String source, String externalId, String ticketId, long version, String text,
                  String requester, String client, String category, String status, Map<String, String> labels,
                  String resolution, Instant updatedAt) {

    /** @return true when it can be remembered: it has OMEGA's id and a resolution */
    boolean resolved() {
        return ticketId != null && resolution != null && !resolution.isBlank();
    }

    ResolvedTicket asResolved() {
        String decidedCategory = category != null ? category : labels.get("category");
        return new ResolvedTicket(tenantId, ticketId, text, labels, resolution, client, decidedCategory,
                status == null ? "RESOLVED" : status, requester, updatedAt);
    }
}
