package omega.triage.control;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import omega.platform.api.IdempotencyGuard;
import omega.platform.api.MessageKey;
import omega.platform.api.TicketNormalized;
import omega.triage.api.TicketChanged;
import omega.triage.api.TicketStatus;
import omega.triage.entity.TicketRecord;
import omega.triage.entity.TicketStatusChange;

/**
 * The triage stage's intake: records a normalized ticket (creating it when another stage produced it) and
 * moves it to {@code QUEUED_FOR_TRIAGE}. Idempotent: a redelivered message changes nothing. Says which ticket version
 * still needs a decision (also for a redelivery after a crash between recording and deciding). The ticket's row is
 * locked while recording (and while a decision is stored), so two versions decided at the same time cannot
 * interleave their updates.
 */
@ApplicationScoped
public class TriageQueue {

    static final String CONSUMER = "triage";

    @PersistenceContext(unitName = "triage")
    EntityManager em;

    @Inject
    IdempotencyGuard guard;

    @Inject
    Decisions decisions;

    /** observed with {@code during = AFTER_SUCCESS}: delivered only once this transaction committed */
    @Inject
    Event<TicketChanged> changes;

    /** @return the ticket version to decide, empty when its current version is decided already */
    @Transactional
    public Optional<TicketSnapshot> record(TicketNormalized event) {
        long nanos = System.nanoTime();
        if (event.tenantId() == null || event.source() == null || event.externalId() == null) {
            throw new IllegalArgumentException("ticket-normalized message without tenantId/source/externalId");
        }
        Instant now = Instant.now();
        if (!guard.firstDelivery(new MessageKey(CONSUMER, event.tenantId(), event.source(), event.externalId(),
                event.version()))) {
            return undecided(find(event), event, now, nanos);
        }
        TicketRecord ticket = find(event);
        boolean created = ticket == null;
        if (ticket == null) {
            String id = event.ticketId() == null ? UUID.randomUUID().toString() : event.ticketId();
            ticket = new TicketRecord(id, event.tenantId(), event.source(), event.externalId(), event.version(),
                    event.title() == null ? "(no title)" : truncate(event.title(), 500), event.body(), event.requester(),
                    event.client(), event.createdAt() == null ? null : SubmissionValidator.parseInstant(event.createdAt()),
                    event.priority(), event.category(), TicketStatus.RECEIVED, now, event.correlationId(), true);
            em.persist(ticket);
            em.persist(new TicketStatusChange(UUID.randomUUID().toString(), ticket, TicketStatus.RECEIVED, now,
                    "received from " + event.source()));
        } else if (event.version() > ticket.version()) {
            ticket.update(event.version(), truncate(event.title(), 500), event.body(), event.requester(),
                    event.client(), event.priority(), event.category(), now);
            em.persist(new TicketStatusChange(UUID.randomUUID().toString(), ticket, ticket.status(), now,
                    "updated to version " + event.version() + " by " + event.source()));
        }
        // an older or equal version than the stored one changes nothing (out-of-order delivery)
        if (ticket.status() == TicketStatus.RECEIVED) {
            ticket.moveTo(TicketStatus.QUEUED_FOR_TRIAGE, now);
            em.persist(new TicketStatusChange(UUID.randomUUID().toString(), ticket,
                    TicketStatus.QUEUED_FOR_TRIAGE, now, "picked up by the triage stage"));
        }
        changes.fire(new TicketChanged(ticket.tenantId(), ticket.id(), ticket.status(), created, now));
        return undecided(ticket, event, now, nanos);
    }

    private Optional<TicketSnapshot> undecided(TicketRecord ticket, TicketNormalized event, Instant now, long nanos) {
        if (ticket == null || decisions.decided(ticket.id(), ticket.version())) {
            return Optional.empty();
        }
        return Optional.of(new TicketSnapshot(ticket.id(), ticket.tenantId(), ticket.version(), ticket.title(),
                ticket.body(), ticket.requester(), ticket.priority(), ticket.createdAt(), event.slaDueAt(), now, nanos));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private TicketRecord find(TicketNormalized event) {
        if (event.ticketId() != null) {
            TicketRecord byId = em.find(TicketRecord.class, event.ticketId(), LockModeType.PESSIMISTIC_WRITE);
            if (byId != null) {
                if (!byId.tenantId().equals(event.tenantId())) {
                    throw new IllegalArgumentException("ticket-normalized message names a ticket of another tenant");
                }
                return byId;
            }
        }
        List<TicketRecord> found = em.createQuery("select t from TicketRecord t where t.tenantId = :tenant"
                + " and t.source = :source and t.externalId = :externalId", TicketRecord.class)
                .setParameter("tenant", event.tenantId()).setParameter("source", event.source())
                .setParameter("externalId", event.externalId()).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }
}
