package omega.titans.control;

import omega.titans.api.ModelVersion;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Trains one label's model from embedded history. Calibration is cross-fitted: k stratified folds each get
 * probabilities from a classifier trained on the other folds; the temperature and the tier thresholds are fitted
 * on those held-out probabilities; then the final classifier is trained on everything. Rare values weigh more in the
 * loss ((n / (K·n_value))^{@code classWeightPower}), which trades a little accuracy for recall of small classes.
 */
final class LabelModelTrainer {

    /** How to train; {@link #DEFAULT} is what {@link LocalTitan} uses (chosen on the Endava evaluation, see docs). */
    record Settings(TextFeatures features, int epochs, double classWeightPower, int folds, long seed,
                    double autoPrecision, double confirmPrecision) {

        static final Settings DEFAULT = new Settings(new TextFeatures(true, 1.0), 10, 0.5, 5, 42,
                TierThresholds.AUTO_PRECISION, TierThresholds.CONFIRM_PRECISION);

        Settings withFeatures(TextFeatures features) {
            return new Settings(features, epochs, classWeightPower, folds, seed, autoPrecision, confirmPrecision);
        }

        Settings withAutoPrecision(double precision) {
            return new Settings(features, epochs, classWeightPower, folds, seed, precision, confirmPrecision);
        }

        Settings withClassWeightPower(double power) {
            return new Settings(features, epochs, power, folds, seed, autoPrecision, confirmPrecision);
        }
    }

    /** A history example with the value of this label and the text's embedding. */
    record Embedded(String reference, String text, String value, float[] embedding) {
    }

    /** The model and the held-out (uncalibrated) probabilities its calibration was fitted on. */
    record Trained(LabelModel model, List<Temperature.Observation> heldOut) {
    }

    static final int MIN_DOCUMENT_FREQUENCY = 2;

    private final Settings settings;
    private final String embeddingModel;
    private final Clock clock;

    LabelModelTrainer(Settings settings, String embeddingModel, Clock clock) {
        this.settings = settings;
        this.embeddingModel = embeddingModel;
        this.clock = clock;
    }

    Trained train(String tenantId, String label, List<Embedded> history) {
        Instant now = clock.instant();
        ModelVersion version = new ModelVersion(label + "-" + now.toEpochMilli() + "-" + UUID.randomUUID().toString().substring(0, 8),
                tenantId, label, now, history.size());
        Map<String, Integer> counts = new TreeMap<>();
        history.forEach(e -> counts.merge(e.value(), 1, Integer::sum));
        if (counts.size() < 2) {
            String reason = counts.isEmpty()
                    ? "cold start: no labelled history for " + label + " yet"
                    : "cold start: every example of " + label + " has the same value " + counts + "; a model needs two";
            return new Trained(LabelModel.cold(version, embeddingModel, reason), List.of());
        }
        List<LogisticRegression.Row> rows = rows(history, counts);
        List<Temperature.Observation> heldOut = heldOut(history, rows);
        Temperature temperature = Temperature.fit(heldOut);
        List<TierThresholds.Scored> scored = new ArrayList<>(heldOut.size());
        for (Temperature.Observation o : heldOut) {
            Map.Entry<String, Double> top = top(temperature.apply(o.probabilities()));
            scored.add(new TierThresholds.Scored(top.getKey(), top.getValue(), top.getKey().equals(o.truth())));
        }
        TierThresholds thresholds = scored.isEmpty() ? TierThresholds.ALWAYS_MANUAL
                : TierThresholds.choose(scored, settings.autoPrecision(), settings.confirmPrecision());
        LogisticRegression classifier = LogisticRegression.fit(rows, settings.epochs(), settings.seed());
        LabelModel model = new LabelModel(version, embeddingModel, settings.features(), classifier, temperature,
                thresholds, exemplars(history));
        return new Trained(model, heldOut);
    }

    /**
     * Encodes the history. Hashed n-grams that occur in a single example are dropped from training (the model
     * never learns them, so it ignores them when predicting too): they cannot generalize, and they would make
     * most of the model's size and training time.
     */
    private List<LogisticRegression.Row> rows(List<Embedded> history, Map<String, Integer> counts) {
        List<TextFeatures.Vector> encoded = history.stream().map(e -> settings.features().encode(e.text(), e.embedding())).toList();
        Map<String, Integer> documentFrequency = new HashMap<>();
        encoded.forEach(v -> Arrays.stream(v.names()).forEach(name -> documentFrequency.merge(name, 1, Integer::sum)));
        double n = history.size();
        double k = counts.size();
        List<LogisticRegression.Row> rows = new ArrayList<>(history.size());
        for (int i = 0; i < history.size(); i++) {
            Embedded e = history.get(i);
            double weight = Math.pow(n / (k * counts.get(e.value())), settings.classWeightPower());
            rows.add(new LogisticRegression.Row(encoded.get(i).keep(name -> documentFrequency.get(name) >= MIN_DOCUMENT_FREQUENCY
                    || !TextFeatures.isLexical(name)), e.value(), (float) weight));
        }
        return rows;
    }

    private List<Temperature.Observation> heldOut(List<Embedded> history, List<LogisticRegression.Row> rows) {
        int k = Math.min(settings.folds(), history.size());
        if (k < 2) {
            return List.of();
        }
        int[] folds = StratifiedFolds.assign(history.stream().map(Embedded::value).toList(), k, settings.seed());
        List<Temperature.Observation> heldOut = new ArrayList<>(history.size());
        for (int fold = 0; fold < k; fold++) {
            List<LogisticRegression.Row> training = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (folds[i] != fold) {
                    training.add(rows.get(i));
                }
            }
            if (training.stream().map(LogisticRegression.Row::value).distinct().count() < 2) {
                continue;
            }
            LogisticRegression classifier = LogisticRegression.fit(training, settings.epochs(), settings.seed());
            for (int i = 0; i < rows.size(); i++) {
                if (folds[i] == fold) {
                    heldOut.add(new Temperature.Observation(classifier.probabilities(rows.get(i).features()), history.get(i).value()));
                }
            }
        }
        return heldOut;
    }

    private Exemplars exemplars(List<Embedded> history) {
        List<Exemplars.Candidate> candidates = new ArrayList<>(history.size());
        history.forEach(e -> candidates.add(new Exemplars.Candidate(e.reference(), e.text(), e.value(), e.embedding())));
        Collections.shuffle(candidates, new Random(settings.seed()));
        return Exemplars.sample(candidates);
    }

    static Map.Entry<String, Double> top(Map<String, Double> probabilities) {
        Map.Entry<String, Double> best = null;
        for (Map.Entry<String, Double> e : probabilities.entrySet()) {
            if (best == null || e.getValue() > best.getValue()
                    || (e.getValue().equals(best.getValue()) && e.getKey().compareTo(best.getKey()) < 0)) {
                best = e;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no probabilities");
        }
        return best;
    }
}
