package omega.connectors.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import omega.connectors.entity.RawPayloadRecord;

/**
 * Raw payloads ({@code connectors_raw_payload}), unique per tenant + platform + SHA-256 of the body: the same
 * delivery stored twice is one row. A concurrent duplicate loses on the unique key and finds the winner's row.
 */
@ApplicationScoped
public class RawPayloads {

    /** @param created false when the same payload was stored before */
    public record Stored(RawPayloadRecord record, boolean created) {
    }

    @PersistenceContext(unitName = "connectors")
    EntityManager em;

    @Inject
    RawPayloads self;

    public Stored store(String tenantId, String platform, String contentType, String body) {
        String hash = sha256(body);
        Optional<RawPayloadRecord> existing = self.find(tenantId, platform, hash);
        if (existing.isPresent()) {
            return new Stored(existing.get(), false);
        }
        try {
            return new Stored(self.insert(tenantId, platform, hash, contentType, body), true);
        } catch (RuntimeException e) {
            return self.find(tenantId, platform, hash).map(r -> new Stored(r, false)).orElseThrow(() -> e);
        }
    }

    @Transactional
    public Optional<RawPayloadRecord> find(String tenantId, String platform, String hash) {
        return em.createQuery("select r from RawPayloadRecord r where r.tenantId = :t and r.platform = :p"
                + " and r.payloadHash = :h", RawPayloadRecord.class).setParameter("t", tenantId)
                .setParameter("p", platform).setParameter("h", hash).getResultList().stream().findFirst();
    }

    @Transactional
    public RawPayloadRecord insert(String tenantId, String platform, String hash, String contentType, String body) {
        RawPayloadRecord record = new RawPayloadRecord(UUID.randomUUID().toString(), tenantId, platform, hash,
                contentType, null, body, Instant.now());
        em.persist(record);
        em.flush();
        return record;
    }

    @Transactional
    public Optional<RawPayloadRecord> byId(String tenantId, String id) {
        RawPayloadRecord r = id == null || id.length() > 36 ? null : em.find(RawPayloadRecord.class, id);
        return r == null || !r.tenantId().equals(tenantId) ? Optional.empty() : Optional.of(r);
    }

    @Transactional
    public void markQueued(String id) {
        RawPayloadRecord r = em.find(RawPayloadRecord.class, id);
        if (r != null) {
            r.markQueued();
        }
    }

    static RawMessage message(RawPayloadRecord r, boolean replay) {
        return new RawMessage(r.id(), r.tenantId(), r.platform(), r.contentType(), r.body(), r.receivedAt().toString(),
                replay);
    }

    static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
