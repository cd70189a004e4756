package omega.triage.api;

import java.time.Instant;
import java.util.List;

import omega.titans.api.Tier;

/**
 * A ticket as the API shows it, with its status history (oldest first) and its latest decision (null before); tier,
 * decidedCategory and the SLA fields are the queue's copies (see {@link TicketSummary}).
 */
public record TicketView(
        String id,
        String source,
        String externalId,
        long version,
        String title,
        String body,
        String requester,
        String client,
        Instant createdAt,
        String priority,
        String category,
        TicketStatus status,
        Instant receivedAt,
        Instant updatedAt,
        List<StatusChange> history,
        Decision decision,
        Tier tier,
        String decidedCategory,
        boolean slaAtRisk,
        Instant slaDueAt) {
}
