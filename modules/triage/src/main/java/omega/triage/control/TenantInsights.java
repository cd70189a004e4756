package omega.triage.control;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import omega.titans.api.Tier;
import omega.titans.api.TitanSpend;
import omega.titans.api.TitanUsage;
import omega.triage.api.Insights;
import omega.triage.api.TicketStatus;
import omega.triage.entity.ReviewRecord;

/**
 * Computes a tenant's insights with four queries over indexed (tenant, time) ranges: one scan of the window's tickets
 * (receipt, first TRIAGED, status, SLA risk: four short columns a ticket) for volume, time to triage and SLA counts,
 * and grouped counts for tiers, titan votes and accuracy.
 */
@ApplicationScoped
public class TenantInsights {

    static final long[] BUCKETS_SECONDS = {1, 5, 30, 60, 300, 3600};

    @PersistenceContext(unitName = "triage")
    EntityManager em;

    @Inject
    Instance<TitanUsage> usage;

    @Transactional
    public Insights of(String tenantId, int days, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate first = today.minusDays(days - 1L);
        Instant from = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        // one range scan over the window's tickets gives volume, time to triage and SLA counts
        List<Object[]> tickets = em.createQuery("select t.receivedAt, t.triagedAt, t.status, t.slaAtRisk"
                + " from TicketRecord t where t.tenantId = :t and t.receivedAt >= :from", Object[].class)
                .setParameter("t", tenantId).setParameter("from", from).getResultList();
        return new Insights(days, from, now, volume(tickets, first, today), tiers(tenantId, from),
                accuracy(tenantId, from), timeToTriage(tickets), sla(tickets), titans(tenantId, from),
                cost(tenantId, first, today));
    }

    private static List<Insights.DayVolume> volume(List<Object[]> tickets, LocalDate first, LocalDate last) {
        long[] perDay = new long[(int) ChronoUnit.DAYS.between(first, last) + 1];
        for (Object[] t : tickets) {
            int i = (int) ChronoUnit.DAYS.between(first, LocalDate.ofInstant((Instant) t[0], ZoneOffset.UTC));
            if (i >= 0 && i < perDay.length) {
                perDay[i]++;
            }
        }
        List<Insights.DayVolume> volume = new ArrayList<>();
        for (int i = 0; i < perDay.length; i++) {
            volume.add(new Insights.DayVolume(first.plusDays(i), perDay[i]));
        }
        return volume;
    }

    private Map<String, Map<Tier, Long>> tiers(String tenantId, Instant from) {
        Map<String, Map<Tier, Long>> tiers = new TreeMap<>();
        em.createQuery("select l.label, l.tier, count(l) from DecisionLabelRecord l where l.tenantId = :t"
                + " and l.decidedAt >= :from group by l.label, l.tier", Object[].class)
                .setParameter("t", tenantId).setParameter("from", from).getResultList()
                .forEach(r -> tiers.computeIfAbsent((String) r[0], k -> new EnumMap<>(Tier.class))
                        .put((Tier) r[1], ((Number) r[2]).longValue()));
        return tiers;
    }

    private Map<String, Insights.LabelAccuracy> accuracy(String tenantId, Instant from) {
        Map<String, long[]> counts = new TreeMap<>();
        em.createQuery("select f.label, f.correct, count(f) from FeedbackRecord f where f.tenantId = :t"
                + " and f.givenAt >= :from group by f.label, f.correct", Object[].class)
                .setParameter("t", tenantId).setParameter("from", from).getResultList()
                .forEach(r -> counts.computeIfAbsent((String) r[0], k -> new long[3])[truthy(r[1]) ? 0 : 1]
                        += ((Number) r[2]).longValue());
        em.createQuery("select r.label, count(r) from ReviewRecord r where r.tenantId = :t and r.reviewedAt >= :from"
                + " and r.verdict = :rejected group by r.label", Object[].class)
                .setParameter("t", tenantId).setParameter("from", from).setParameter("rejected", ReviewRecord.REJECTED)
                .getResultList().forEach(r -> counts.computeIfAbsent((String) r[0], k -> new long[3])[2]
                        += ((Number) r[1]).longValue());
        Map<String, Insights.LabelAccuracy> accuracy = new TreeMap<>();
        counts.forEach((label, c) -> {
            long all = c[0] + c[1] + c[2];
            accuracy.put(label, new Insights.LabelAccuracy(c[0], c[1], c[2], all == 0 ? null : (double) c[0] / all));
        });
        return accuracy;
    }

    /** from receipt to the first TRIAGED entry of the status history (kept on the ticket as triaged_at) */
    private static Insights.TriageTime timeToTriage(List<Object[]> tickets) {
        return triageTime(tickets.stream().filter(t -> t[1] != null)
                .mapToLong(t -> Math.max(0, Duration.between((Instant) t[0], (Instant) t[1]).toMillis())).sorted().toArray());
    }

    /** @param sortedMillis ascending */
    static Insights.TriageTime triageTime(long[] sortedMillis) {
        long[] counts = new long[BUCKETS_SECONDS.length + 1];
        for (long ms : sortedMillis) {
            int i = 0;
            while (i < BUCKETS_SECONDS.length && ms > BUCKETS_SECONDS[i] * 1000) {
                i++;
            }
            counts[i]++;
        }
        List<Insights.Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            buckets.add(new Insights.Bucket(i < BUCKETS_SECONDS.length ? BUCKETS_SECONDS[i] : null, counts[i]));
        }
        return new Insights.TriageTime(sortedMillis.length, percentile(sortedMillis, 50), percentile(sortedMillis, 95),
                buckets);
    }

    /** nearest rank; null for no values */
    static Long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static Insights.SlaCounts sla(List<Object[]> tickets) {
        long[] c = new long[3];
        for (Object[] t : tickets) {
            c[t[2] != TicketStatus.TRIAGED ? 2 : truthy(t[3]) ? 0 : 1]++;
        }
        return new Insights.SlaCounts(c[0], c[1], c[2]);
    }

    private List<Insights.TitanVotes> titans(String tenantId, Instant from) {
        Map<String, long[]> votes = new TreeMap<>();
        em.createQuery("select l.voters, l.agreed, count(l) from DecisionLabelRecord l where l.tenantId = :t"
                + " and l.decidedAt >= :from and l.voters is not null group by l.voters, l.agreed", Object[].class)
                .setParameter("t", tenantId).setParameter("from", from).getResultList().forEach(r -> {
                    long n = ((Number) r[2]).longValue();
                    List<String> agreed = r[1] == null ? List.of() : Arrays.asList(((String) r[1]).split(","));
                    for (String titan : ((String) r[0]).split(",")) {
                        if (!titan.isBlank()) {
                            long[] v = votes.computeIfAbsent(titan, k -> new long[2]);
                            v[0] += n;
                            v[1] += agreed.contains(titan) ? n : 0;
                        }
                    }
                });
        List<Insights.TitanVotes> list = new ArrayList<>();
        votes.forEach((titan, v) -> list.add(new Insights.TitanVotes(titan, v[0], v[1])));
        return list;
    }

    /** spend per titan and model summed over the calendar months from {@code first} to {@code last} */
    private List<TitanSpend> cost(String tenantId, LocalDate first, LocalDate last) {
        if (usage.isUnsatisfied()) {
            return List.of();
        }
        Map<String, TitanSpend> sum = new TreeMap<>();
        for (YearMonth m = YearMonth.from(first); !m.isAfter(YearMonth.from(last)); m = m.plusMonths(1)) {
            for (TitanSpend s : usage.get().spend(tenantId, m)) {
                sum.merge(s.titanId() + "\u0000" + s.model(), s, (a, b) -> new TitanSpend(a.titanId(), a.model(),
                        a.calls() + b.calls(), a.inputTokens() + b.inputTokens(), a.outputTokens() + b.outputTokens(),
                        a.costUsd() + b.costUsd()));
            }
        }
        return List.copyOf(sum.values());
    }

    private static boolean truthy(Object o) {
        return Boolean.TRUE.equals(o) || (o instanceof Number n && n.intValue() == 1);
    }
}
