package omega.connectors.api;

import java.time.Instant;

/**
 * A payload that failed normalization.
 *
 * @param reason   stable code, e.g. {@code missing-field}, {@code organization-mismatch}
 * @param status   OPEN, REPLAYING (re-queued) or RESOLVED (a replay normalized it)
 * @param attempts how many times normalization failed
 */
public record FailureView(String id, String platform, String rawId, String reason, String detail, String status,
        int attempts, Instant failedAt, Instant replayedAt, Instant resolvedAt) {
}
