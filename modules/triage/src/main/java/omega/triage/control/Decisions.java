package omega.triage.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import omega.platform.api.JsonBody;
import omega.platform.api.ProblemException;
import omega.titans.api.Tier;
import omega.triage.api.Decision;
import omega.triage.api.DecisionInputs;
import omega.triage.api.FeedbackReceipt;
import omega.triage.api.LabelDecision;
import omega.triage.api.StoredDecision;
import omega.triage.api.TicketChanged;
import omega.triage.api.TicketStatus;
import omega.triage.api.TitanVote;
import omega.triage.entity.DecisionLabelRecord;
import omega.triage.entity.DecisionRecord;
import omega.triage.entity.FeedbackRecord;
import omega.triage.entity.TicketRecord;
import omega.triage.entity.TicketStatusChange;
import omega.triage.entity.TitanOutcome;

/**
 * Stored decisions and feedback: a decision commits with the ticket's move to TRIAGED (and is published afterwards
 * by {@link DecisionOutbox}); feedback records what was confirmed or corrected, each titan's outcome (the ensemble's
 * weights) and the corrected example for retraining.
 */
@ApplicationScoped
public class Decisions {

    static final Duration CACHE = Duration.ofSeconds(30);

    @PersistenceContext(unitName = "triage")
    EntityManager em;

    @Inject
    Examples examples;

    /** observed with {@code during = AFTER_SUCCESS}: open dashboards hear of a decision or feedback after its commit */
    @Inject
    Event<TicketChanged> changes;

    private record Cached<T>(T value, Instant at) {
    }

    private final Map<String, Cached<Map<String, Double>>> weights = new ConcurrentHashMap<>();
    private final Map<String, Cached<Optional<Duration>>> handling = new ConcurrentHashMap<>();

    /** @return false when the ticket moved on to a newer version meanwhile (that version gets its own decision) */
    @Transactional
    public boolean store(TicketSnapshot ticket, Decider.Draft draft) {
        TicketRecord record = em.find(TicketRecord.class, ticket.ticketId(), LockModeType.PESSIMISTIC_WRITE);
        if (record == null || record.version() != ticket.version()) {
            return false;
        }
        Decision d = draft.decision();
        double latencyMs = (System.nanoTime() - ticket.queuedNanos()) / 1e6;
        em.persist(new DecisionRecord(d.id(), ticket.ticketId(), ticket.tenantId(), ticket.version(), ticket.queuedAt(),
                d.decidedAt(), latencyMs, JsonBody.write(draft.inputs()), JsonBody.write(d),
                JsonBody.write(d.modelVersions()), d.coldStart(), d.slaRisk() != null && d.slaRisk().atRisk()));
        d.labels().forEach((label, l) -> em.persist(new DecisionLabelRecord(d.id(), label, ticket.tenantId(),
                d.decidedAt(), l.tier(), l.value(), l.confidence(), d.titans().stream()
                .filter(v -> v.label().equals(label) && v.value() != null).map(TitanVote::titanId).distinct()
                .collect(Collectors.joining(",")), l.titans() == null ? null : String.join(",", l.titans()))));
        Instant now = Instant.now();
        record.moveTo(TicketStatus.TRIAGED, now);
        LabelDecision category = d.labels().get("category");
        record.decided(lowestTier(d), category == null ? null : category.value(),
                d.slaRisk() != null && d.slaRisk().atRisk(), d.slaRisk() == null ? null : dueAt(d.slaRisk().dueAt()),
                !awaitingLabels(d).isEmpty() && given(ticket.ticketId()).isEmpty(), now);
        em.persist(new TicketStatusChange(UUID.randomUUID().toString(), record, TicketStatus.TRIAGED, now,
                summary(d)));
        changes.fire(new TicketChanged(record.tenantId(), record.id(), TicketStatus.TRIAGED, false, now));
        return true;
    }

    /** @return the latest decision of the ticket with the feedback given since, if any */
    @Transactional
    public Optional<Decision> latest(String ticketId) {
        return latestRecord(ticketId).map(r -> JsonBody.parse(r.decision(), Decision.class).withFeedback(given(ticketId)));
    }

    @Transactional
    public Optional<StoredDecision> stored(String tenantId, String ticketId) {
        return latestRecord(ticketId).filter(r -> r.tenantId().equals(tenantId)).map(r -> new StoredDecision(ticketId,
                r.queuedAt(), r.latencyMs(), JsonBody.parse(r.inputs(), DecisionInputs.class),
                JsonBody.parse(r.decision(), Decision.class).withFeedback(given(ticketId))));
    }

    @Transactional
    public boolean decided(String ticketId, long version) {
        return em.createQuery("select count(d) from DecisionRecord d where d.ticketId = :id and d.ticketVersion = :v",
                Long.class).setParameter("id", ticketId).setParameter("v", version).getSingleResult() > 0;
    }

    @Transactional
    public FeedbackReceipt feedback(String tenantId, String ticketId, Map<String, String> labels) {
        TicketRecord ticket = em.find(TicketRecord.class, ticketId);
        if (ticket == null || !ticket.tenantId().equals(tenantId)) {
            throw ProblemException.notFound("No ticket " + ticketId);
        }
        Optional<DecisionRecord> record = latestRecord(ticketId);
        Decision decision = record.map(r -> JsonBody.parse(r.decision(), Decision.class)).orElse(null);
        Instant now = Instant.now();
        Map<String, Boolean> confirmed = new LinkedHashMap<>();
        labels.forEach((label, value) -> {
            LabelDecision decided = decision == null ? null : decision.labels().get(label);
            FeedbackRecord f = new FeedbackRecord(UUID.randomUUID().toString(), ticketId, tenantId,
                    record.map(DecisionRecord::id).orElse(null), label, decided == null ? null : decided.value(), value, now);
            em.persist(f);
            confirmed.put(label, f.correct());
            if (decision != null) {
                for (TitanVote vote : decision.titans()) {
                    if (vote.label().equals(label) && vote.value() != null) {
                        em.persist(new TitanOutcome(UUID.randomUUID().toString(), tenantId, vote.titanId(), label,
                                value.equals(vote.value()), now));
                    }
                }
            }
        });
        if (labels.containsKey("category")) {
            ticket.categoryGiven(labels.get("category"));
        }
        ticket.reviewed();
        em.persist(new TicketStatusChange(UUID.randomUUID().toString(), ticket, ticket.status(), now,
                truncate("feedback: " + confirmed.entrySet().stream().map(e -> e.getKey() + "=" + labels.get(e.getKey())
                        + (e.getValue() ? " (confirmed)" : " (corrected)")).collect(Collectors.joining(", ")))));
        String text = record.map(r -> JsonBody.parse(r.inputs(), DecisionInputs.class).text()).orElse(null);
        if (text != null) {
            Map<String, String> all = new TreeMap<>(given(ticketId));
            all.putAll(labels);
            examples.upsertAll(tenantId, List.of(new Examples.Labelled("ticket", ticketId, text, all, "feedback")));
        }
        weights.remove(tenantId);
        handling.remove(tenantId);
        changes.fire(new TicketChanged(tenantId, ticketId, ticket.status(), false, now));
        return new FeedbackReceipt(ticketId, confirmed, false);
    }

    /** Feedback or a review changed what the titans' weights are computed from. */
    public void forgetWeights(String tenantId) {
        weights.remove(tenantId);
    }

    /** @return label → the value last confirmed or set by a technician */
    @Transactional
    public Map<String, String> given(String ticketId) {
        Map<String, String> given = new TreeMap<>();
        em.createQuery("select f from FeedbackRecord f where f.ticketId = :id order by f.givenAt", FeedbackRecord.class)
                .setParameter("id", ticketId).getResultList().forEach(f -> given.put(f.label(), f.given()));
        return given;
    }

    /** @return titan → (correct + 1) / (votes + 2) over the tenant's feedback (0.5 without any); cached 30 s */
    @Transactional
    public Map<String, Double> titanWeights(String tenantId) {
        Cached<Map<String, Double>> cached = weights.get(tenantId);
        if (cached != null && cached.at().plus(CACHE).isAfter(Instant.now())) {
            return cached.value();
        }
        Map<String, double[]> counts = new HashMap<>();
        for (Object[] row : em.createQuery("select o.titanId, o.correct, count(o) from TitanOutcome o"
                + " where o.tenantId = :t group by o.titanId, o.correct", Object[].class)
                .setParameter("t", tenantId).getResultList()) {
            double[] c = counts.computeIfAbsent((String) row[0], k -> new double[2]);
            c[Boolean.TRUE.equals(row[1]) || (row[1] instanceof Number n && n.intValue() == 1) ? 0 : 1] += ((Number) row[2]).doubleValue();
        }
        Map<String, Double> w = new HashMap<>();
        counts.forEach((titan, c) -> w.put(titan, (c[0] + 1) / (c[0] + c[1] + 2)));
        weights.put(tenantId, new Cached<>(Map.copyOf(w), Instant.now()));
        return w;
    }

    /**
     * @return the median time from receipt to a technician's first feedback over the tenant's last 100 tickets with
     * feedback (the handling time available until resolutions arrive from the connectors); cached 30 s
     */
    @Transactional
    public Duration recentHandling(String tenantId) {
        Cached<Optional<Duration>> cached = handling.get(tenantId);
        if (cached != null && cached.at().plus(CACHE).isAfter(Instant.now())) {
            return cached.value().orElse(null);
        }
        // feedback first (indexed by tenant), then those tickets by primary key: no scan of the ticket table, which
        // the intake writes to concurrently
        List<Object[]> rows = em.createQuery("select f.ticketId, min(f.givenAt) from FeedbackRecord f"
                + " where f.tenantId = :tenant group by f.ticketId order by min(f.givenAt) desc", Object[].class)
                .setParameter("tenant", tenantId).setMaxResults(100).getResultList();
        List<Duration> durations = new ArrayList<>();
        for (Object[] r : rows) {
            TicketRecord ticket = em.find(TicketRecord.class, r[0]);
            if (ticket != null) {
                durations.add(Duration.between(ticket.receivedAt(), (Instant) r[1]));
            }
        }
        durations.sort(null);
        Optional<Duration> median = durations.isEmpty() ? Optional.empty() : Optional.of(durations.get(durations.size() / 2));
        handling.put(tenantId, new Cached<>(median, Instant.now()));
        return median.orElse(null);
    }

    @Transactional
    public List<DecisionRecord> unpublished(int max) {
        return em.createQuery("select d from DecisionRecord d where d.published = false order by d.decidedAt",
                DecisionRecord.class).setMaxResults(max).getResultList();
    }

    @Transactional
    public void markPublished(List<String> ids) {
        for (int from = 0; from < ids.size(); from += 200) {
            em.createQuery("update DecisionRecord d set d.published = true where d.id in :ids")
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 200))).executeUpdate();
        }
    }

    private Optional<DecisionRecord> latestRecord(String ticketId) {
        if (ticketId == null || ticketId.length() > 36) {
            return Optional.empty();
        }
        return em.createQuery("select d from DecisionRecord d where d.ticketId = :id order by d.decidedAt desc",
                DecisionRecord.class).setParameter("id", ticketId).setMaxResults(1).getResultList().stream().findFirst();
    }

    /** @return the decided labels whose tier (AUTO or CONFIRM) asks a person to confirm them, label → value */
    public static Map<String, LabelDecision> awaitingLabels(Decision d) {
        Map<String, LabelDecision> awaiting = new TreeMap<>();
        d.labels().forEach((label, l) -> {
            if (l.value() != null && (l.tier() == Tier.AUTO || l.tier() == Tier.CONFIRM)) {
                awaiting.put(label, l);
            }
        });
        return awaiting;
    }

    /** @return the least automatic tier of the decision's labels (MANUAL when it has none) */
    static Tier lowestTier(Decision d) {
        return d.labels().values().stream().map(LabelDecision::tier).max(Comparator.naturalOrder()).orElse(Tier.MANUAL);
    }

    private static Instant dueAt(String iso) {
        try {
            return iso == null ? null : Instant.parse(iso);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String summary(Decision d) {
        if (d.coldStart()) {
            return "cold start: no model yet, every label MANUAL";
        }
        return truncate("decided " + d.labels().entrySet().stream().filter(e -> e.getValue().value() != null)
                .map(e -> e.getKey() + "=" + e.getValue().value() + " (" + e.getValue().tier() + ")")
                .collect(Collectors.joining(", ")));
    }

    private static String truncate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 497) + "...";
    }
}
