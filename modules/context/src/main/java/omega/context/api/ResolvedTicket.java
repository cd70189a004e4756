package omega.context.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A resolved ticket as long-term memory keeps it: what was asked, how it was labelled and how it was resolved.
 *
 * @param text       the problem as the requester described it (title and body); embedded and keyword-indexed
 * @param labels     training labels (category, queue, assignee, ...), may be empty
 * @param resolution what fixed it, may be null
 * @param client     the MSP's customer the ticket came from, may be null
 * @param status     the canonical status at resolution (RESOLVED, CLOSED), may be null
 * @param requester  who asked (usually an e-mail address): personal data, used only to honour erasure
 */
public record ResolvedTicket(
        String tenantId,
        String ticketId,
        String text,
        Map<String, String> labels,
        String resolution,
        String client,
        String category,
        String status,
        String requester,
        Instant resolvedAt) {

    public ResolvedTicket {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
