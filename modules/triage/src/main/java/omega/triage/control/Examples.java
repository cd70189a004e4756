package omega.triage.control;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import omega.titans.api.LabelledExample;
import omega.triage.entity.ExampleRecord;

/** The tenants' labelled history (what the models learn from); one example per (tenant, source, external id). */
@ApplicationScoped
public class Examples {

    /** An example to store; {@code text} is already PII-tokenized. */
    public record Labelled(String source, String externalId, String text, Map<String, String> labels, String origin) {
    }

    @PersistenceContext(unitName = "triage")
    EntityManager em;

    @Transactional
    public void upsertAll(String tenantId, List<Labelled> examples) {
        Instant now = Instant.now();
        for (Labelled e : examples) {
            List<ExampleRecord> found = em.createQuery("select e from ExampleRecord e where e.tenantId = :t"
                    + " and e.source = :s and e.externalId = :x", ExampleRecord.class).setParameter("t", tenantId)
                    .setParameter("s", e.source()).setParameter("x", e.externalId()).getResultList();
            String labels = LabelsJson.write(e.labels());
            if (found.isEmpty()) {
                em.persist(new ExampleRecord(UUID.randomUUID().toString(), tenantId, e.source(), e.externalId(), e.text(),
                        labels, e.origin(), now));
            } else {
                found.get(0).replace(e.text(), labels, e.origin(), now);
            }
        }
    }

    @Transactional
    public List<LabelledExample> all(String tenantId) {
        return em.createQuery("select e from ExampleRecord e where e.tenantId = :t order by e.externalId", ExampleRecord.class)
                .setParameter("t", tenantId).getResultList().stream()
                .map(e -> new LabelledExample(e.externalId(), e.text(), LabelsJson.read(e.labels()))).toList();
    }

    @Transactional
    public long count(String tenantId) {
        return em.createQuery("select count(e) from ExampleRecord e where e.tenantId = :t", Long.class)
                .setParameter("t", tenantId).getSingleResult();
    }

    @Transactional
    public long countSince(String tenantId, Instant since) {
        return em.createQuery("select count(e) from ExampleRecord e where e.tenantId = :t and e.createdAt > :since",
                Long.class).setParameter("t", tenantId).setParameter("since", since).getSingleResult();
    }
}
