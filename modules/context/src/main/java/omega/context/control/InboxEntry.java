package omega.context.control;

import java.time.Instant;
import java.util.Map;

import omega.context.api.ResolvedTicket;

/** The JSON form of a {@link ResolvedTicket} waiting in the inbox (times as ISO-8601 text). */
public record InboxEntry(String tenantId, String ticketId, String text, Map<String, String> labels,
                         String resolution, String client, String category, String status, String requester,
                         String resolvedAt) {

    static InboxEntry of(ResolvedTicket t) {
        return new InboxEntry(t.tenantId(), t.ticketId(), t.text(), t.labels(), t.resolution(), t.client(),
                t.category(), t.status(), t.requester(), t.resolvedAt().toString());
    }

    ResolvedTicket ticket() {
        return new ResolvedTicket(tenantId, ticketId, text, labels, resolution, client, category, status, requester,
                Instant.parse(resolvedAt));
    }
}
