package omega.context.control;

import java.time.Instant;

/**
 * The audit record of one erasure. It holds no personal data: not the requester, not the tickets' text, not
 * their ids — only when, how many, and the caller's own reference for the request.
 */
public record ErasureAudit(String id, String tenantId, Instant at, String reference, int ticketsErased) {
}
