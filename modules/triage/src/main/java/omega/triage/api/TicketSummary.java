package omega.triage.api;

import java.time.Instant;

import omega.titans.api.Tier;

/**
 * One row of a ticket list: what the queue shows, filters and sorts by, and no text body.
 *
 * @param tier            the least automatic tier among the decision's labels; null before triage
 * @param decidedCategory the decided category, or the one a technician gave since; null before triage
 * @param slaAtRisk       whether the decision judged the SLA at risk (false before triage)
 * @param slaDueAt        the SLA due time the decision worked with; null when unknown
 */
public record TicketSummary(String id, String source, String externalId, String title, String client,
        String priority, String category, TicketStatus status, Instant receivedAt, Instant updatedAt, Tier tier,
        String decidedCategory, boolean slaAtRisk, Instant slaDueAt) {
}
