package omega.triage.control;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import omega.triage.api.Acceptance;
import omega.triage.api.TicketStatus;
import omega.triage.api.TicketSubmission;
import omega.triage.entity.TicketRecord;
import omega.triage.entity.TicketStatusChange;

/**
 * Makes a submitted ticket durable (committed to the database, marked unpublished) before the caller
 * answers; {@link TicketOutbox} then publishes it on {@code ticket-normalized}. A known
 * (tenant, source, externalId) answers with the existing ticket and creates nothing.
 */
@ApplicationScoped
public class TicketIntake {

    @PersistenceContext(unitName = "triage")
    EntityManager em;

    @Inject
    TicketOutbox outbox;

    @Inject
    TicketIntake self;

    public Acceptance accept(String tenantId, TicketSubmission submission) {
        SubmissionValidator.validate(submission);
        Acceptance acceptance;
        try {
            acceptance = self.store(tenantId, submission);
        } catch (RuntimeException e) {
            // a concurrent submission of the same ticket won the unique key: answer with that one
            acceptance = self.existing(tenantId, submission.source().trim(), submission.externalId().trim());
            if (acceptance == null) {
                throw e;
            }
        }
        if (!acceptance.duplicate()) {
            outbox.wake();
        }
        return acceptance;
    }

    @Transactional
    public Acceptance store(String tenantId, TicketSubmission s) {
        String source = s.source().trim();
        String externalId = s.externalId().trim();
        Acceptance known = existing(tenantId, source, externalId);
        if (known != null) {
            return known;
        }
        Instant now = Instant.now();
        String id = UUID.randomUUID().toString();
        em.persist(new TicketRecord(id, tenantId, source, externalId, 1, s.title().trim(), s.body(),
                s.requester().trim(), s.client().trim(), SubmissionValidator.parseInstant(s.createdAt()),
                blankToNull(s.priority()), blankToNull(s.category()), TicketStatus.RECEIVED, now,
                UUID.randomUUID().toString(), false));
        em.persist(new TicketStatusChange(UUID.randomUUID().toString(), id, TicketStatus.RECEIVED, now,
                "accepted from " + source));
        em.flush();
        return new Acceptance(id, TicketStatus.RECEIVED, false);
    }

    @Transactional
    public Acceptance existing(String tenantId, String source, String externalId) {
        List<Object[]> rows = em.createQuery("select t.id, t.status from TicketRecord t where t.tenantId = :tenant"
                + " and t.source = :source and t.externalId = :externalId", Object[].class)
                .setParameter("tenant", tenantId).setParameter("source", source)
                .setParameter("externalId", externalId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        return new Acceptance((String) rows.get(0)[0], (TicketStatus) rows.get(0)[1], true);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
