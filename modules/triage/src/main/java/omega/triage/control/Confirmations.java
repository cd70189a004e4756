package omega.triage.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import omega.platform.api.JsonBody;
import omega.platform.api.ProblemException;
import omega.triage.api.Confirmation;
import omega.triage.api.ConfirmationPage;
import omega.triage.api.ConfirmationVerdicts;
import omega.triage.api.ConfirmationsReviewed;
import omega.triage.api.Decision;
import omega.triage.api.LabelDecision;
import omega.triage.api.TicketChanged;
import omega.triage.api.TitanVote;
import omega.triage.entity.DecisionRecord;
import omega.triage.entity.ReviewRecord;
import omega.triage.entity.TicketRecord;
import omega.triage.entity.TicketStatusChange;
import omega.triage.entity.TitanOutcome;

/**
 * The confirmations view's data: triaged tickets whose AUTO/CONFIRM labels wait for a person, and bulk verdicts on
 * them. Approving confirms the waiting labels as feedback (training example, titans' accuracy); rejecting records
 * the labels as wrong (accuracy, titans' weights) without a training example. One transaction per request: either
 * every verdict is stored or none.
 */
@ApplicationScoped
public class Confirmations {

    public static final int MAX_IDS = 200;

    @PersistenceContext(unitName = "triage")
    EntityManager em;

    @Inject
    Decisions decisions;

    @Inject
    Event<TicketChanged> changes;

    @Transactional
    public ConfirmationPage waiting(String tenantId, int page, int size) {
        String where = " from TicketRecord t where t.tenantId = :tenant and t.awaitingConfirmation = true";
        List<TicketRecord> tickets = em.createQuery("select t" + where + " order by t.receivedAt, t.id",
                TicketRecord.class).setParameter("tenant", tenantId).setFirstResult(page * size).setMaxResults(size)
                .getResultList();
        long total = em.createQuery("select count(t)" + where, Long.class).setParameter("tenant", tenantId)
                .getSingleResult();
        Map<String, DecisionRecord> latest = latest(tickets.stream().map(TicketRecord::id).toList());
        List<Confirmation> items = new ArrayList<>();
        for (TicketRecord t : tickets) {
            DecisionRecord r = latest.get(t.id());
            if (r != null) {
                Decision d = JsonBody.parse(r.decision(), Decision.class);
                items.add(new Confirmation(t.id(), t.title(), t.client(), t.priority(), t.receivedAt(), r.id(),
                        r.decidedAt(), t.slaAtRisk(), Decisions.awaitingLabels(d)));
            }
        }
        return new ConfirmationPage(items, page, size, total);
    }

    /**
     * @param reviewer the signed-in employee's id, null for a machine credential
     * @throws ProblemException 400 for an empty or oversized request or an id in both lists, 404 naming every id that
     *                          is not a ticket of this tenant (nothing is stored then)
     */
    @Transactional
    public ConfirmationsReviewed review(String tenantId, String reviewer, ConfirmationVerdicts verdicts) {
        Set<String> approve = new LinkedHashSet<>(verdicts.approve() == null ? List.of() : verdicts.approve());
        Set<String> reject = new LinkedHashSet<>(verdicts.reject() == null ? List.of() : verdicts.reject());
        validate(approve, reject);
        Map<String, TicketRecord> tickets = new HashMap<>();
        Map<String, String> unknown = new LinkedHashMap<>();
        for (String id : concat(approve, reject)) {
            TicketRecord t = id == null || id.length() > 36 ? null : em.find(TicketRecord.class, id);
            if (t == null || !t.tenantId().equals(tenantId)) {
                unknown.put(id == null ? "null" : id, "no ticket with this id in your organisation");
            } else {
                tickets.put(id, t);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ProblemException(404, "not-found", "Not found", unknown.size()
                    + " of the ticket ids are unknown; nothing was reviewed", unknown);
        }
        Map<String, DecisionRecord> latest = latest(tickets.keySet());
        List<String> approved = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Instant now = Instant.now();
        for (String id : concat(approve, reject)) {
            TicketRecord ticket = tickets.get(id);
            DecisionRecord record = latest.get(id);
            if (!ticket.awaitingConfirmation() || record == null) {
                skipped.add(id);
                continue;
            }
            Map<String, LabelDecision> waiting = Decisions.awaitingLabels(JsonBody.parse(record.decision(), Decision.class));
            boolean ok = approve.contains(id);
            waiting.forEach((label, l) -> em.persist(new ReviewRecord(UUID.randomUUID().toString(), tenantId, id,
                    record.id(), label, l.value(), l.tier(), ok ? ReviewRecord.APPROVED : ReviewRecord.REJECTED,
                    reviewer, now)));
            if (ok) {
                decisions.feedback(tenantId, id, waiting.entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().value())));
                approved.add(id);
            } else {
                rejectLabels(tenantId, ticket, JsonBody.parse(record.decision(), Decision.class), waiting, now);
                rejected.add(id);
            }
        }
        return new ConfirmationsReviewed(approved, rejected, skipped, false);
    }

    private void rejectLabels(String tenantId, TicketRecord ticket, Decision decision, Map<String, LabelDecision> waiting,
            Instant now) {
        for (TitanVote vote : decision.titans()) {
            LabelDecision l = waiting.get(vote.label());
            if (l != null && l.value().equals(vote.value())) {
                em.persist(new TitanOutcome(UUID.randomUUID().toString(), tenantId, vote.titanId(), vote.label(), false,
                        now));
            }
        }
        ticket.reviewed();
        String detail = "rejected in confirmations: " + waiting.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().value()).collect(Collectors.joining(", "));
        em.persist(new TicketStatusChange(UUID.randomUUID().toString(), ticket, ticket.status(), now,
                detail.length() <= 500 ? detail : detail.substring(0, 497) + "..."));
        decisions.forgetWeights(tenantId);
        changes.fire(new TicketChanged(tenantId, ticket.id(), ticket.status(), false, now));
    }

    private static void validate(Set<String> approve, Set<String> reject) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (approve.isEmpty() && reject.isEmpty()) {
            errors.put("approve", "approve or reject needs at least one ticket id");
        }
        if (approve.size() + reject.size() > MAX_IDS) {
            errors.put("approve", "at most " + MAX_IDS + " ticket ids per request");
        }
        approve.stream().filter(reject::contains).forEach(id -> errors.put("reject." + id, "is also in approve"));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The verdicts are not valid", errors);
        }
    }

    private static List<String> concat(Collection<String> a, Collection<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** @return ticket id → its latest decision, in one query */
    private Map<String, DecisionRecord> latest(Collection<String> ticketIds) {
        Map<String, DecisionRecord> latest = new HashMap<>();
        if (ticketIds.isEmpty()) {
            return latest;
        }
        em.createQuery("select d from DecisionRecord d where d.ticketId in :ids", DecisionRecord.class)
                .setParameter("ids", List.copyOf(ticketIds)).getResultList()
                .forEach(d -> latest.merge(d.ticketId(), d, (a, b) -> a.decidedAt().isAfter(b.decidedAt()) ? a : b));
        return latest;
    }
}
