package omega.triage.api;

import java.time.Instant;
import java.util.Map;

/**
 * A triaged ticket whose AUTO/CONFIRM-tier labels wait for a person: only those labels are listed.
 *
 * @param labels label → the decided value with its confidence and tier
 */
public record Confirmation(String ticketId, String title, String client, String priority, Instant receivedAt,
                           String decisionId, Instant decidedAt, boolean slaAtRisk, Map<String, LabelDecision> labels) {
}
