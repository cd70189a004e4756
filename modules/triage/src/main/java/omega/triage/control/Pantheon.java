package omega.triage.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import omega.titans.api.Alternative;
import omega.titans.api.Tier;
import omega.titans.api.TitanAnswer;
import omega.triage.api.LabelDecision;
import omega.triage.api.TitanVote;

/**
 * The ensemble of titans for one label. One deciding titan decides alone (its calibrated confidence and tier stand).
 * Several are combined as weighted experts: each value scores Σ w_t · ln p_t(value) (p_t from the titan's
 * alternatives, {@value #FLOOR} for a value it did not name), normalized by softmax; w_t is the titan's measured
 * accuracy for the tenant. Agreeing titans sharpen the winner's confidence, disagreeing ones flatten it. Tier: the
 * local titan's calibrated tier when it voted for the winner and nobody disagreed; on disagreement at most CONFIRM
 * (MANUAL below 0.5); without the local titan's vote at most CONFIRM (an LLM's confidence is not calibrated).
 */
public final class Pantheon {

    static final double FLOOR = 0.01;
    static final int ALTERNATIVES = 5;
    public static final String LOCAL = "local";

    private Pantheon() {
    }

    /** The decision and every titan's vote. */
    public record Outcome(LabelDecision decision, List<TitanVote> votes) {
    }

    public static Outcome combine(String label, List<TitanAnswer> answers, Map<String, Double> weights) {
        List<TitanAnswer> decided = answers.stream().filter(TitanAnswer::decided).toList();
        if (decided.isEmpty()) {
            String reason = answers.stream().map(TitanAnswer::explanation).filter(e -> e != null && !e.isBlank())
                    .findFirst().orElse("no titan could decide " + label);
            return new Outcome(new LabelDecision(null, 0, Tier.MANUAL, List.of(), List.of(), reason),
                    votes(label, answers, weights, null));
        }
        if (decided.size() == 1) {
            TitanAnswer only = decided.get(0);
            LabelDecision decision = new LabelDecision(only.value(), only.confidence(), only.tier(),
                    top(only.alternatives()), List.of(only.titanId()), null);
            return new Outcome(decision, votes(label, answers, weights, only.value()));
        }
        Set<String> values = new LinkedHashSet<>();
        decided.forEach(a -> {
            values.add(a.value());
            a.alternatives().forEach(alt -> values.add(alt.value()));
        });
        Map<String, Double> score = new HashMap<>();
        for (String value : values) {
            double s = 0;
            for (TitanAnswer a : decided) {
                s += weight(weights, a.titanId()) * Math.log(Math.max(FLOOR, probability(a, value)));
            }
            score.put(value, s);
        }
        double max = score.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double sum = score.values().stream().mapToDouble(s -> Math.exp(s - max)).sum();
        List<Alternative> ranked = new ArrayList<>();
        score.forEach((value, s) -> ranked.add(new Alternative(value, Math.min(1, Math.exp(s - max) / sum))));
        ranked.sort(Comparator.comparingDouble(Alternative::confidence).reversed().thenComparing(Alternative::value));
        Alternative best = ranked.get(0);
        List<String> agreed = decided.stream().filter(a -> a.value().equals(best.value())).map(TitanAnswer::titanId).toList();
        boolean unanimous = agreed.size() == decided.size();
        TitanAnswer local = decided.stream().filter(a -> LOCAL.equals(a.titanId())).findFirst().orElse(null);
        Tier tier;
        if (unanimous && local != null) {
            tier = local.tier();
        } else if (unanimous) {
            tier = Tier.CONFIRM;
        } else {
            tier = best.confidence() >= 0.5 ? Tier.CONFIRM : Tier.MANUAL;
        }
        String reason = unanimous ? null : "titans disagree: " + decided.stream()
                .map(a -> a.titanId() + "=" + a.value()).toList();
        LabelDecision decision = new LabelDecision(best.value(), best.confidence(), tier, top(ranked), agreed, reason);
        return new Outcome(decision, votes(label, answers, weights, best.value()));
    }

    static double probability(TitanAnswer answer, String value) {
        for (Alternative alternative : answer.alternatives()) {
            if (alternative.value().equals(value)) {
                return alternative.confidence();
            }
        }
        return value.equals(answer.value()) ? answer.confidence() : 0;
    }

    private static double weight(Map<String, Double> weights, String titanId) {
        return weights.getOrDefault(titanId, 0.5);
    }

    private static List<Alternative> top(List<Alternative> alternatives) {
        return List.copyOf(alternatives.subList(0, Math.min(ALTERNATIVES, alternatives.size())));
    }

    private static List<TitanVote> votes(String label, List<TitanAnswer> answers, Map<String, Double> weights,
                                         String winner) {
        return answers.stream().map(a -> new TitanVote(a.titanId(), label, a.value(), a.confidence(), a.modelVersion(),
                weight(weights, a.titanId()), a.value() != null && a.value().equals(winner),
                a.decided() ? null : a.explanation())).toList();
    }
}
