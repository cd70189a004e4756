package omega.triage.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import omega.titans.api.Tier;
import omega.titans.api.TitanSpend;

/**
 * What a tenant's tickets, decisions and feedback of the last {@code days} days show, for the dashboard's charts.
 *
 * @param volume       tickets received per day (UTC), every day of the window, oldest first
 * @param tiers        label → tier → how many decisions gave the label that tier
 * @param accuracy     label → what people said about the decided values (feedback and confirmations)
 * @param timeToTriage from receipt to the first TRIAGED entry of the status history
 * @param sla          the window's tickets by SLA risk
 * @param titans       per titan: label votes in the window's decisions, and how many agreed with the decision
 * @param cost         external titans' calls, tokens and cost in the months the window touches (stored ledger, every process)
 */
public record Insights(int days, Instant from, Instant to, List<DayVolume> volume, Map<String, Map<Tier, Long>> tiers,
                       Map<String, LabelAccuracy> accuracy, TriageTime timeToTriage, SlaCounts sla,
                       List<TitanVotes> titans, List<TitanSpend> cost) {

    public record DayVolume(LocalDate day, long received) {
    }

    /** @param accuracy confirmed / (confirmed + corrected + rejected); null without any verdict */
    public record LabelAccuracy(long confirmed, long corrected, long rejected, Double accuracy) {
    }

    /**
     * @param buckets upper bound in seconds ("le", the last one null: above) → tickets
     */
    public record TriageTime(long count, Long p50Ms, Long p95Ms, List<Bucket> buckets) {
    }

    public record Bucket(Long leSeconds, long count) {
    }

    /** @param untriaged received in the window but not decided yet (no SLA assessment) */
    public record SlaCounts(long atRisk, long onTrack, long untriaged) {
    }

    public record TitanVotes(String titanId, long votes, long agreed) {
    }
}
