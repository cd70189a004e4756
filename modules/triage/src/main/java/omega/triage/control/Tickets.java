package omega.triage.control;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import omega.titans.api.Tier;
import omega.triage.api.StatusChange;
import omega.triage.api.TicketFacets;
import omega.triage.api.TicketPage;
import omega.triage.api.TicketQuery;
import omega.triage.api.TicketSort;
import omega.triage.api.TicketStatus;
import omega.triage.api.TicketSummary;
import omega.triage.api.TicketView;
import omega.triage.api.TriageApi;
import omega.triage.entity.TicketRecord;
import omega.triage.entity.TicketStatusChange;

/** Reads tickets for one tenant at a time; another tenant's ticket is simply not found. */
@ApplicationScoped
public class Tickets implements TriageApi {

    static final int MAX_FACETS = 200;

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
                t.updatedAt(), history, decisions.latest(ticketId).orElse(null), t.lowestTier(), t.decidedCategory(),
                t.slaAtRisk(), t.slaDueAt()));
    }

    @Override
    @Transactional
    public TicketPage tickets(String tenantId, TicketQuery q, int page, int size) {
        StringBuilder where = new StringBuilder(" from TicketRecord t where t.tenantId = :tenant");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenantId);
        if (q.status() != null) {
            where.append(" and t.status = :status");
            params.put("status", q.status());
        }
        if (q.tier() != null) {
            where.append(" and t.lowestTier = :tier");
            params.put("tier", q.tier());
        }
        if (q.client() != null) {
            where.append(" and t.client = :client");
            params.put("client", q.client());
        }
        if (q.ids() != null && !q.ids().isEmpty()) {
            where.append(" and t.id in :ids");
            params.put("ids", q.ids());
        }
        if (q.category() != null) {
            where.append(" and (t.decidedCategory = :category or (t.decidedCategory is null and t.category = :category))");
            params.put("category", q.category());
        }
        String order = q.sort() == TicketSort.SLA_RISK
                ? " order by t.slaAtRisk desc, t.slaDueAt, t.receivedAt desc, t.id"
                : " order by t.receivedAt desc, t.id";
        // the columns a row needs, never the body (a LOB): a page of 200 stays one light query
        TypedQuery<Object[]> query = em.createQuery("select t.id, t.source, t.externalId, t.title, t.client, t.priority,"
                + " t.category, t.status, t.receivedAt, t.updatedAt, t.lowestTier, t.decidedCategory, t.slaAtRisk,"
                + " t.slaDueAt" + where + order, Object[].class);
        TypedQuery<Long> count = em.createQuery("select count(t)" + where, Long.class);
        params.forEach((k, v) -> {
            query.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<TicketSummary> items = query.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(r -> new TicketSummary((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                        (String) r[5], (String) r[6], (TicketStatus) r[7], (Instant) r[8], (Instant) r[9], (Tier) r[10],
                        (String) r[11], Boolean.TRUE.equals(r[12]), (Instant) r[13]))
                .toList();
        return new TicketPage(items, page, size, count.getSingleResult());
    }

    /** @return the tenant's clients and categories (decided, given or from the source), most frequent first */
    @Transactional
    public TicketFacets facets(String tenantId) {
        List<String> clients = em.createQuery("select t.client from TicketRecord t where t.tenantId = :tenant"
                + " and t.client is not null group by t.client order by count(t) desc", String.class)
                .setParameter("tenant", tenantId).setMaxResults(MAX_FACETS).getResultList();
        Map<String, Long> categories = new HashMap<>();
        em.createQuery("select t.decidedCategory, count(t) from TicketRecord t where t.tenantId = :tenant"
                + " and t.decidedCategory is not null group by t.decidedCategory", Object[].class)
                .setParameter("tenant", tenantId).getResultList()
                .forEach(r -> categories.merge((String) r[0], (Long) r[1], Long::sum));
        em.createQuery("select t.category, count(t) from TicketRecord t where t.tenantId = :tenant"
                + " and t.decidedCategory is null and t.category is not null group by t.category", Object[].class)
                .setParameter("tenant", tenantId).getResultList()
                .forEach(r -> categories.merge((String) r[0], (Long) r[1], Long::sum));
        return new TicketFacets(clients, categories.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_FACETS).map(Map.Entry::getKey).toList());
    }
}
