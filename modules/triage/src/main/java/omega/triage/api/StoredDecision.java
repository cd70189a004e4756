package omega.triage.api;

import java.time.Instant;

/** A stored decision with its inputs and timing ({@code latencyMs}: from picking the message up to the decision). */
public record StoredDecision(String ticketId, Instant queuedAt, double latencyMs, DecisionInputs inputs,
                             Decision decision) {
}
