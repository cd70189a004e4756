package omega.triage.control;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import omega.triage.api.StatusChange;
import omega.triage.api.TicketPage;
import omega.triage.api.TicketStatus;
import omega.triage.api.TicketSummary;
import omega.triage.api.TicketView;
import omega.triage.api.TriageApi;
import omega.triage.entity.TicketRecord;
import omega.triage.entity.TicketStatusChange;

/** Reads tickets for one tenant at a time; another tenant's ticket is simply not found. */
@ApplicationScoped
public class Tickets implements TriageApi {

    @PersistenceContext(unitName = "triage")
    EntityManager em;

    @Inject
    Decisions decisions;

    @Override
    @Transactional
    public Optional<TicketView> ticket(String tenantId, String ticketId) {
        TicketRecord t = ticketId == null || ticketId.length() > 36 ? null : em.find(TicketRecord.class, ticketId);
        if (t == null || !t.tenantId().equals(tenantId)) {
            return Optional.empty();
        }
        List<StatusChange> history = em.createQuery("select c from TicketStatusChange c where c.ticketId = :id"
                + " order by c.seq", TicketStatusChange.class).setParameter("id", ticketId).getResultList()
                .stream().map(c -> new StatusChange(c.status(), c.at(), c.detail())).toList();
        return Optional.of(new TicketView(t.id(), t.source(), t.externalId(), t.version(), t.title(), t.body(),
                t.requester(), t.client(), t.createdAt(), t.priority(), t.category(), t.status(), t.receivedAt(),
                t.updatedAt(), history, decisions.latest(ticketId).orElse(null)));
    }

    @Override
    @Transactional
    public TicketPage tickets(String tenantId, TicketStatus status, int page, int size) {
        String where = " from TicketRecord t where t.tenantId = :tenant" + (status == null ? "" : " and t.status = :status");
        TypedQuery<TicketRecord> query = em.createQuery("select t" + where + " order by t.receivedAt desc, t.id",
                TicketRecord.class).setParameter("tenant", tenantId);
        TypedQuery<Long> count = em.createQuery("select count(t)" + where, Long.class).setParameter("tenant", tenantId);
        if (status != null) {
            query.setParameter("status", status);
            count.setParameter("status", status);
        }
        List<TicketSummary> items = query.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(t -> new TicketSummary(t.id(), t.source(), t.externalId(), t.title(), t.client(), t.priority(),
                        t.category(), t.status(), t.receivedAt(), t.updatedAt()))
                .toList();
        return new TicketPage(items, page, size, count.getSingleResult());
    }
}
