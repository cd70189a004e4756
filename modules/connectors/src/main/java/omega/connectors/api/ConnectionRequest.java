package omega.connectors.api;

/**
 * Configures a tenant's connection to one platform. Secrets ({@code signingSecret}, {@code secret}) are
 * write-only: no answer ever contains them.
 *
 * @param platform            zendesk, servicenow, salesforce, kaseya-bms, connectwise or autotask
 * @param signingSecret       Zendesk: the webhook's signing secret; Autotask: the webhook's SecretKey (required for their webhooks)
 * @param organizationId      Salesforce: the 15- or 18-character org id outbound messages must carry
 * @param baseUrl             polling: the API base URL (see docs/connectors.md per platform)
 * @param username            polling: user name (ConnectWise: {@code company+publicKey} is built from company and this public key)
 * @param secret              polling: password / API secret / ConnectWise private key
 * @param company             polling: Kaseya BMS tenant/company name, ConnectWise company id
 * @param clientId            polling: ConnectWise {@code clientId}
 * @param integrationCode     polling: Autotask {@code ApiIntegrationCode}
 * @param pollIntervalSeconds polling interval in seconds; 0 or absent = no polling (webhooks only)
 * @param pollSince           ISO-8601 instant to start polling from (default: now)
 */
public record ConnectionRequest(
        String platform,
        String signingSecret,
        String organizationId,
        String baseUrl,
        String username,
        String secret,
        String company,
        String clientId,
        String integrationCode,
        Integer pollIntervalSeconds,
        String pollSince) {
}
