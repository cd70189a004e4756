package omega.connectors.api;

import java.time.Instant;

/**
 * A configured connection, without secrets ({@code has*} say whether one is set).
 *
 * @param webhookPath path to deliver webhooks to (add the token as {@code X-Omega-Webhook-Token} or {@code ?token=})
 * @param pollCursor  polling's updated-since cursor: the newest source update time seen
 */
public record ConnectionView(
        String id,
        String platform,
        Instant createdAt,
        String webhookPath,
        boolean hasSigningSecret,
        String organizationId,
        String baseUrl,
        String username,
        boolean hasSecret,
        String company,
        String clientId,
        boolean hasIntegrationCode,
        int pollIntervalSeconds,
        Instant pollCursor,
        Instant lastPollAt,
        String lastPollError) {
}
