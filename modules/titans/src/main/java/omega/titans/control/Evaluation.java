package omega.titans.control;

import omega.titans.api.Tier;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Quality of a classifier's held-out predictions: accuracy, macro-F1 over the label set (every value counts equally,
 * a value never predicted has F1 0), per-value precision and recall, a reliability table and, per tier, how many
 * predictions it takes (coverage) and how many of those are right (precision).
 */
final class Evaluation {

    /** One held-out prediction. */
    record Outcome(String truth, String predicted, double confidence, Tier tier) {

        boolean correct() {
            return truth.equals(predicted);
        }
    }

    record ValueStats(String value, int support, int predicted, int correct) {

        double precision() {
            return predicted == 0 ? 0 : (double) correct / predicted;
        }

        double recall() {
            return support == 0 ? 0 : (double) correct / support;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** Predictions given {@code tier}: their share of all predictions and their precision. */
    record TierStats(Tier tier, int count, int correct, int total) {

        double coverage() {
            return total == 0 ? 0 : (double) count / total;
        }

        double precision() {
            return count == 0 ? 0 : (double) correct / count;
        }
    }

    private final List<Outcome> outcomes;
    private final List<ValueStats> values;

    private Evaluation(List<Outcome> outcomes, List<ValueStats> values) {
        this.outcomes = outcomes;
        this.values = values;
    }

    /** @param labelSet the values of the label (values only seen in {@code outcomes} are added) */
    static Evaluation of(Collection<String> labelSet, List<Outcome> outcomes) {
        TreeSet<String> all = new TreeSet<>(labelSet);
        outcomes.forEach(o -> {
            all.add(o.truth());
            all.add(o.predicted());
        });
        List<ValueStats> values = new ArrayList<>();
        for (String value : all) {
            int support = 0;
            int predicted = 0;
            int correct = 0;
            for (Outcome o : outcomes) {
                support += o.truth().equals(value) ? 1 : 0;
                predicted += o.predicted().equals(value) ? 1 : 0;
                correct += o.correct() && o.truth().equals(value) ? 1 : 0;
            }
            values.add(new ValueStats(value, support, predicted, correct));
        }
        return new Evaluation(List.copyOf(outcomes), List.copyOf(values));
    }

    int size() {
        return outcomes.size();
    }

    double accuracy() {
        return outcomes.isEmpty() ? 0 : (double) outcomes.stream().filter(Outcome::correct).count() / outcomes.size();
    }

    double macroF1() {
        return values.stream().mapToDouble(ValueStats::f1).average().orElse(0);
    }

    List<ValueStats> perValue() {
        return values;
    }

    Reliability reliability() {
        return Reliability.of(outcomes.stream().map(o -> new Reliability.Point(o.confidence(), o.correct())).toList());
    }

    TierStats tier(Tier tier) {
        List<Outcome> in = outcomes.stream().filter(o -> o.tier() == tier).toList();
        return new TierStats(tier, in.size(), (int) in.stream().filter(Outcome::correct).count(), outcomes.size());
    }

    String markdown() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "accuracy %.3f, macro-F1 %.3f (over %d values), n = %d%n%n", accuracy(), macroF1(), values.size(), size()));
        text.append("| value | support | predicted | precision | recall | F1 |\n|---|---:|---:|---:|---:|---:|\n");
        for (ValueStats v : values) {
            text.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f | %.3f |%n", v.value(), v.support(),
                    v.predicted(), v.precision(), v.recall(), v.f1()));
        }
        text.append("\n| tier | n | coverage | precision |\n|---|---:|---:|---:|\n");
        for (Tier tier : Tier.values()) {
            TierStats t = tier(tier);
            text.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f |%n", tier, t.count(), t.coverage(), t.precision()));
        }
        return text.append('\n').append(reliability().markdown()).toString();
    }
}
