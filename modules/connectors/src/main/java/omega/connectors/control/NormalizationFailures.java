package omega.connectors.control;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import omega.connectors.api.FailurePage;
import omega.connectors.api.FailureView;
import omega.connectors.api.NormalizationFailed;
import omega.connectors.entity.FailureRecord;

/** Normalization failures ({@code connectors_failure}), one row per raw payload, tenant-scoped. */
@ApplicationScoped
public class NormalizationFailures {

    @PersistenceContext(unitName = "connectors")
    EntityManager em;

    /** Records (or, for a payload that failed before, updates) the failure; @return its id */
    @Transactional
    public String record(String tenantId, String platform, String rawId, NormalizationFailed failure) {
        Instant now = Instant.now();
        FailureRecord f = byRaw(rawId).orElseGet(() -> {
            FailureRecord created = new FailureRecord(UUID.randomUUID().toString(), tenantId, platform, rawId, now);
            em.persist(created);
            return created;
        });
        f.failed(failure.reason(), failure.getMessage(), now);
        return f.id();
    }

    /** A replay normalized the payload: the failure is resolved. */
    @Transactional
    public void resolve(String rawId) {
        byRaw(rawId).ifPresent(f -> f.resolved(Instant.now()));
    }

    @Transactional
    public Optional<FailureRecord> find(String tenantId, String id) {
        FailureRecord f = id == null || id.length() > 36 ? null : em.find(FailureRecord.class, id);
        return f == null || !f.tenantId().equals(tenantId) ? Optional.empty() : Optional.of(f);
    }

    @Transactional
    public void replaying(String id) {
        FailureRecord f = em.find(FailureRecord.class, id);
        if (f != null) {
            f.replaying(Instant.now());
        }
    }

    @Transactional
    public FailurePage page(String tenantId, String status, int page, int size) {
        String where = " from FailureRecord f where f.tenantId = :t" + (status == null ? "" : " and f.status = :s");
        var query = em.createQuery("select f" + where + " order by f.failedAt desc, f.id", FailureRecord.class)
                .setParameter("t", tenantId);
        var count = em.createQuery("select count(f)" + where, Long.class).setParameter("t", tenantId);
        if (status != null) {
            query.setParameter("s", status);
            count.setParameter("s", status);
        }
        List<FailureView> items = query.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(NormalizationFailures::view).toList();
        return new FailurePage(items, page, size, count.getSingleResult());
    }

    static FailureView view(FailureRecord f) {
        return new FailureView(f.id(), f.platform(), f.rawId(), f.reason(), f.detail(), f.status(), f.attempts(),
                f.failedAt(), f.replayedAt(), f.resolvedAt());
    }

    private Optional<FailureRecord> byRaw(String rawId) {
        return em.createQuery("select f from FailureRecord f where f.rawId = :r", FailureRecord.class)
                .setParameter("r", rawId).getResultList().stream().findFirst();
    }
}
