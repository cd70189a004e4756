package omega.connectors.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import omega.connectors.api.ConnectionCreated;
import omega.connectors.api.ConnectionRequest;
import omega.connectors.api.ConnectionView;
import omega.connectors.api.PsaPlatform;
import omega.connectors.entity.Connection;
import omega.platform.api.ProblemException;
import omega.platform.api.WebhookTokens;

/**
 * Tenants' platform connections. Webhook tokens are 256 random bits, shown once; only their SHA-256 is stored
 * (an unsalted hash is enough for a random token of that size), so a token resolves with one indexed lookup.
 */
@ApplicationScoped
public class Connections implements WebhookTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "connectors")
    EntityManager em;

    @Inject
    ConnectionSecrets secrets;

    @Inject
    Connections self;

    @Inject
    @ConfigProperty(name = "connectors.webhook.connection-cache", defaultValue = "PT5S")
    Duration cacheTtl;

    private ConnectionCache cache;

    @PostConstruct
    void init() {
        cache = new ConnectionCache(cacheTtl, System::nanoTime);
    }

    /**
     * The connection as webhook deliveries see it: looked up at most once per
     * {@code connectors.webhook.connection-cache} per tenant and platform.
     */
    public Optional<Connection> forWebhook(String tenantId, PsaPlatform platform) {
        return cache.get(tenantId, platform, () -> self.find(tenantId, platform));
    }

    @Override
    @Transactional
    public Optional<String> tenantFor(String platform, String token) {
        if (token == null || token.length() < 20 || token.length() > 200) {
            return Optional.empty();
        }
        return em.createQuery("select c from Connection c where c.tokenHash = :h", Connection.class)
                .setParameter("h", sha256(token)).getResultList().stream()
                .filter(c -> MessageDigest.isEqual(c.platform().getBytes(StandardCharsets.UTF_8),
                        String.valueOf(platform).getBytes(StandardCharsets.UTF_8)))
                .map(Connection::tenantId).findFirst();
    }

    @Transactional
    public Optional<Connection> find(String tenantId, PsaPlatform platform) {
        return em.createQuery("select c from Connection c where c.tenantId = :t and c.platform = :p", Connection.class)
                .setParameter("t", tenantId).setParameter("p", platform.slug()).getResultList().stream().findFirst();
    }

    @Transactional
    public ConnectionCreated create(String tenantId, ConnectionRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        PsaPlatform platform = null;
        try {
            platform = PsaPlatform.fromSlug(request.platform());
        } catch (IllegalArgumentException e) {
            errors.put("platform", e.getMessage());
        }
        int interval = request.pollIntervalSeconds() == null ? 0 : request.pollIntervalSeconds();
        if (interval < 0 || interval > 86_400) {
            errors.put("pollIntervalSeconds", "must be between 0 (no polling) and 86400");
        }
        Instant since = null;
        if (request.pollSince() != null) {
            try {
                since = Instant.parse(request.pollSince());
            } catch (DateTimeParseException e) {
                errors.put("pollSince", "must be an ISO-8601 instant such as 2026-03-01T00:00:00Z");
            }
        }
        if (platform != null) {
            validate(platform, request, interval, errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The connection is not valid", errors);
        }
        if (find(tenantId, platform).isPresent()) {
            throw new ProblemException(409, "connection-exists", "Connection exists",
                    "This tenant already has a " + platform.slug() + " connection; delete it first to replace it");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = "omw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = Instant.now();
        Connection c = new Connection(UUID.randomUUID().toString(), tenantId, platform.slug(), sha256(token), now);
        c.verification(secrets.seal(c, ConnectionSecrets.SIGNING_SECRET, blankToNull(request.signingSecret())),
                blankToNull(request.organizationId()));
        c.polling(trimUrl(request.baseUrl()), blankToNull(request.username()),
                secrets.seal(c, ConnectionSecrets.SECRET, blankToNull(request.secret())),
                blankToNull(request.company()), blankToNull(request.clientId()),
                secrets.seal(c, ConnectionSecrets.INTEGRATION_CODE, blankToNull(request.integrationCode())),
                interval, interval > 0 ? (since == null ? now : since) : since);
        c.sealed();
        em.persist(c);
        cache.forget(tenantId, platform);
        return new ConnectionCreated(view(c), token);
    }

    private static void validate(PsaPlatform platform, ConnectionRequest r, int interval, Map<String, String> errors) {
        maxLength(errors, "signingSecret", r.signingSecret(), 512);
        maxLength(errors, "secret", r.secret(), 900);
        maxLength(errors, "integrationCode", r.integrationCode(), 255);
        maxLength(errors, "username", r.username(), 255);
        maxLength(errors, "company", r.company(), 255);
        maxLength(errors, "clientId", r.clientId(), 255);
        maxLength(errors, "baseUrl", r.baseUrl(), 1000);
        if (r.organizationId() != null && !r.organizationId().strip().matches("[A-Za-z0-9]{15}([A-Za-z0-9]{3})?")) {
            errors.put("organizationId", "must be a 15- or 18-character Salesforce id");
        }
        if (r.baseUrl() != null && !r.baseUrl().strip().matches("https?://\\S+")) {
            errors.put("baseUrl", "must be an http(s) URL");
        }
        if (interval > 0) {
            if (platform == PsaPlatform.ZENDESK || platform == PsaPlatform.SALESFORCE) {
                errors.put("pollIntervalSeconds", platform.slug() + " connects by webhook only");
            }
            require(errors, "baseUrl", r.baseUrl());
            require(errors, "secret", r.secret());
            if (platform != PsaPlatform.CONNECTWISE) {
                require(errors, "username", r.username());
            }
            if (platform == PsaPlatform.CONNECTWISE) {
                require(errors, "username", r.username());
                require(errors, "company", r.company());
                require(errors, "clientId", r.clientId());
            }
            if (platform == PsaPlatform.KASEYA_BMS) {
                require(errors, "company", r.company());
            }
            if (platform == PsaPlatform.AUTOTASK) {
                require(errors, "integrationCode", r.integrationCode());
            }
        }
    }

    private static void maxLength(Map<String, String> errors, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            errors.put(field, "must be at most " + max + " characters");
        }
    }

    private static void require(Map<String, String> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.putIfAbsent(field, "is required for polling");
        }
    }

    @Transactional
    public List<ConnectionView> list(String tenantId) {
        return em.createQuery("select c from Connection c where c.tenantId = :t order by c.platform", Connection.class)
                .setParameter("t", tenantId).getResultList().stream().map(Connections::view).toList();
    }

    /** @return false when the tenant has no such connection */
    @Transactional
    public boolean delete(String tenantId, PsaPlatform platform) {
        Optional<Connection> c = find(tenantId, platform);
        c.ifPresent(em::remove);
        cache.forget(tenantId, platform);
        return c.isPresent();
    }

    @Transactional
    public List<Connection> polled() {
        return em.createQuery("select c from Connection c where c.pollSeconds > 0", Connection.class).getResultList();
    }

    @Transactional
    public void polled(String connectionId, Instant cursor, String error) {
        Connection c = em.find(Connection.class, connectionId);
        if (c != null) {
            c.polled(cursor, Instant.now(), error);
        }
    }

    static ConnectionView view(Connection c) {
        return new ConnectionView(c.id(), c.platform(), c.createdAt(), "/api/v1/integrations/" + c.platform() + "/webhook",
                c.signingSecret() != null, c.organizationId(), c.baseUrl(), c.username(), c.secret() != null,
                c.company(), c.clientId(), c.integrationCode() != null, c.pollSeconds(), c.pollCursor(),
                c.lastPollAt(), c.lastPollError());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String trimUrl(String url) {
        String u = blankToNull(url);
        return u != null && u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
