package omega.connectors.control;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import omega.connectors.api.NormalizationFailed;
import omega.connectors.api.PsaPlatform;
import omega.connectors.entity.Connection;
import omega.platform.api.TicketNormalized;

/**
 * Normalizes a raw payload with the tenant's current connection settings: a Salesforce outbound message must
 * come from the configured organization. The same check runs at the webhook and in the normalizer stage, so
 * a payload refused for a wrong org id normalizes once the operator fixed the id and replayed it.
 */
@ApplicationScoped
public class Normalization {

    @Inject
    Normalizers normalizers;

    @Inject
    Connections connections;

    /**
     * In the normalizer stage and for replays: with the connection as it is in the database now.
     *
     * @throws NormalizationFailed when the payload cannot become canonical tickets
     */
    public List<TicketNormalized> normalize(RawPayload raw) {
        return normalize(raw, false);
    }

    /**
     * At the webhook: with the connection as {@link Connections#forWebhook} saw it at most a few seconds ago (a
     * payload wrongly refused after a change on another replica is stored as a failure and can be replayed).
     *
     * @throws NormalizationFailed when the payload cannot become canonical tickets
     */
    public List<TicketNormalized> normalizeAtWebhook(RawPayload raw) {
        return normalize(raw, true);
    }

    private List<TicketNormalized> normalize(RawPayload raw, boolean webhook) {
        if (raw.platform() == PsaPlatform.SALESFORCE && raw.looksLikeXml()) {
            SalesforceOutboundMessage message = SalesforceOutboundMessage.parse(raw.body());
            String organizationId = (webhook ? connections.forWebhook(raw.tenantId(), PsaPlatform.SALESFORCE)
                    : connections.find(raw.tenantId(), PsaPlatform.SALESFORCE))
                    .map(Connection::organizationId).orElse(null);
            SalesforceAck.verifyOrganization(organizationId, message);
        }
        return normalizers.of(raw.platform()).normalize(raw);
    }
}
