package omega.connectors.control;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import omega.connectors.api.NormalizationFailed;
import omega.connectors.api.PsaPlatform;
import omega.connectors.api.WebhookReceipt;
import omega.platform.api.ProblemException;
import omega.platform.api.TicketNormalized;

/**
 * A webhook delivery, for an authenticated tenant: verify (Zendesk and Autotask signatures), validate by normalizing (pure,
 * microseconds), store the raw payload (deduplicated by its hash) and queue it on {@code ticket-raw} before
 * the caller gets its 2xx, together with concurrent deliveries ({@link RawIntake}). Malformed payloads are refused and not stored; a well-formed payload that cannot be
 * normalized (missing or invalid field, wrong Salesforce org) is refused too, but stored and recorded as a
 * failure, so it can be replayed once the cause is fixed.
 */
@ApplicationScoped
public class WebhookIntake {

    private static final Set<String> NOT_STORED = Set.of(NormalizationFailed.MALFORMED_JSON,
            NormalizationFailed.MALFORMED_XML, NormalizationFailed.UNSUPPORTED_EVENT);

    @Inject
    Connections connections;

    @Inject
    ConnectionSecrets secrets;

    @Inject
    Normalization normalization;

    @Inject
    RawPayloads payloads;

    @Inject
    RawIntake intake;

    @Inject
    NormalizationFailures failures;

    @Inject
    @ConfigProperty(name = "connectors.zendesk.signature-tolerance", defaultValue = "PT5M")
    Duration tolerance;

    private ZendeskSignature zendesk;

    @PostConstruct
    void init() {
        zendesk = new ZendeskSignature(Clock.systemUTC(), tolerance);
    }

    /**
     * @param signatureTimestamp Zendesk's signature timestamp header
     * @param signature          the platform's signature header (Zendesk or Autotask), or null
     */
    public WebhookReceipt receive(String tenantId, PsaPlatform platform, String contentType, String body,
            String signatureTimestamp, String signature) {
        if (platform == PsaPlatform.ZENDESK) {
            verifyZendesk(tenantId, body, signatureTimestamp, signature);
        } else if (platform == PsaPlatform.AUTOTASK) {
            verifyAutotask(tenantId, body, signature);
        }
        RawPayload candidate = new RawPayload(platform, tenantId, null, contentType, body == null ? "" : body, null, null);
        List<TicketNormalized> tickets;
        try {
            tickets = normalization.normalizeAtWebhook(candidate);
        } catch (NormalizationFailed failed) {
            if (NOT_STORED.contains(failed.reason())) {
                throw failed;
            }
            RawPayloads.Stored stored = payloads.store(tenantId, platform.slug(), contentType, candidate.body());
            String failureId = stored.created()
                    ? failures.record(tenantId, platform.slug(), stored.record().id(), failed)
                    : null;
            throw new NormalizationFailed(platform, failed.reason(), failed.getMessage().substring(platform.slug().length() + 2)
                    + (failureId == null ? " (already recorded)" : " (recorded as failure " + failureId + ")"),
                    failed.errors());
        }
        RawPayloads.Stored stored = intake.store(tenantId, platform.slug(), contentType, candidate.body());
        return new WebhookReceipt(stored.record().id(), tickets.size(), !stored.created());
    }

    private void verifyAutotask(String tenantId, String body, String signature) {
        String secret = signingSecret(tenantId, PsaPlatform.AUTOTASK, "the webhook's SecretKey");
        AutotaskSignature.Verdict verdict = AutotaskSignature.verify(secret, body == null ? "" : body, signature);
        if (verdict != AutotaskSignature.Verdict.VALID) {
            throw new ProblemException(401, "invalid-signature", "Invalid webhook signature",
                    "The Autotask signature was refused: " + (verdict == AutotaskSignature.Verdict.MISSING_HEADER
                            ? "send " + AutotaskSignature.HEADER + ": sha1=<base64 HMAC-SHA1 of the body>"
                            : "the signature does not match the body"));
        }
    }

    private String signingSecret(String tenantId, PsaPlatform platform, String what) {
        String secret = connections.forWebhook(tenantId, platform).map(secrets::signingSecret).orElse(null);
        if (secret == null) {
            throw new ProblemException(403, "webhook-not-configured", "Webhook not configured",
                    platform.name().charAt(0) + platform.name().substring(1).toLowerCase(java.util.Locale.ROOT)
                            + " webhooks need a " + platform.slug() + " connection with " + what
                            + " as its signingSecret (POST /api/v1/tenants/{tenant}/connections)");
        }
        return secret;
    }

    private void verifyZendesk(String tenantId, String body, String timestamp, String signature) {
        String secret = signingSecret(tenantId, PsaPlatform.ZENDESK, "the webhook's signing secret");
        ZendeskSignature.Verdict verdict = zendesk.verify(secret, timestamp, body == null ? "" : body, signature);
        if (verdict != ZendeskSignature.Verdict.VALID) {
            throw new ProblemException(401, "invalid-signature", "Invalid webhook signature",
                    "The Zendesk signature was refused: " + switch (verdict) {
                        case MISSING_HEADERS -> "send " + ZendeskSignature.SIGNATURE_HEADER + " and "
                                + ZendeskSignature.TIMESTAMP_HEADER;
                        case BAD_TIMESTAMP -> "the timestamp is not an ISO-8601 instant";
                        case STALE_TIMESTAMP -> "the timestamp is more than " + tolerance + " away from now";
                        default -> "the signature does not match the body";
                    });
        }
    }
}
