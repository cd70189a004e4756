package omega.platform.api;

import java.util.Optional;

/**
 * Resolves a per-tenant webhook token (for platforms that cannot send {@code Authorization: Bearer}) to its
 * tenant. Implemented by the connectors module; {@code ApiAuthenticationFilter} accepts such a token only on
 * {@code /api/v1/integrations/{platform}/webhook}.
 */
public interface WebhookTokens {

    /** @return the tenant whose connection to {@code platform} has this token, empty when none has */
    Optional<String> tenantFor(String platform, String token);
}
