package omega.titans.control;

import omega.titans.api.Tier;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Confidence thresholds of one label's tiers, chosen on held-out (cross-fitted) predictions. The AUTO threshold is
 * the lowest confidence at which the predictions at or above it still reach the target precision (default 0.95):
 * the widest coverage at that precision. A value predicted often enough ({@value #MIN_VALUE_SUPPORT} held-out
 * predictions) gets its own AUTO threshold, others use the label's. CONFIRM is the lowest confidence at which the
 * predictions between it and the label's AUTO threshold are still right often enough to be worth a one-click
 * confirmation (default 0.60); below it a person picks (MANUAL). Precision is estimated as
 * correct / (n + 1), which keeps a handful of lucky predictions from opening the AUTO tier. A threshold that no
 * confidence reaches is +∞ (that tier is never given).
 */
final class TierThresholds {

    static final double AUTO_PRECISION = 0.95;
    static final double CONFIRM_PRECISION = 0.60;
    static final int MIN_VALUE_SUPPORT = 30;
    /**
     * Floating-point slack when comparing a confidence with a threshold: a small, easy history saturates the held-out
     * confidences at exactly 1.0, so both thresholds become 1.0 and a new answer at 1 − 3e-16 (the same certainty,
     * other rounding) fell to MANUAL — seen as "confidence 1.0, tier MANUAL".
     */
    static final double TOLERANCE = 1e-9;
    static final TierThresholds ALWAYS_MANUAL =
            new TierThresholds(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Map.of());

    private final double auto;
    private final double confirm;
    private final Map<String, Double> autoByValue;

    TierThresholds(double auto, double confirm, Map<String, Double> autoByValue) {
        this.auto = auto;
        this.confirm = confirm;
        this.autoByValue = Map.copyOf(autoByValue);
    }

    /** A held-out prediction: the value predicted, its (calibrated) confidence, and whether it was right. */
    record Scored(String predicted, double confidence, boolean correct) {
    }

    static TierThresholds choose(List<Scored> heldOut) {
        return choose(heldOut, AUTO_PRECISION, CONFIRM_PRECISION);
    }

    static TierThresholds choose(List<Scored> heldOut, double autoPrecision, double confirmPrecision) {
        double auto = widest(heldOut, autoPrecision);
        double confirm = Math.min(widest(heldOut.stream().filter(s -> s.confidence() < auto).toList(), confirmPrecision), auto);
        Map<String, List<Scored>> byValue = new TreeMap<>();
        heldOut.forEach(s -> byValue.computeIfAbsent(s.predicted(), v -> new ArrayList<>()).add(s));
        Map<String, Double> autoByValue = new TreeMap<>();
        byValue.forEach((value, scored) -> {
            if (scored.size() >= MIN_VALUE_SUPPORT) {
                autoByValue.put(value, widest(scored, autoPrecision));
            }
        });
        return new TierThresholds(auto, confirm, autoByValue);
    }

    /** @return the lowest confidence whose predictions at or above it reach {@code precision}, else +∞ */
    static double widest(List<Scored> scored, double precision) {
        List<Scored> sorted = new ArrayList<>(scored);
        sorted.sort(Comparator.comparingDouble(Scored::confidence).reversed());
        double threshold = Double.POSITIVE_INFINITY;
        int correct = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).correct()) {
                correct++;
            }
            boolean endOfTies = i + 1 == sorted.size() || sorted.get(i + 1).confidence() < sorted.get(i).confidence();
            if (endOfTies && correct / (i + 2.0) >= precision) {
                threshold = sorted.get(i).confidence();
            }
        }
        return threshold;
    }

    Tier tier(String value, double confidence) {
        if (confidence + TOLERANCE >= autoThreshold(value)) {
            return Tier.AUTO;
        }
        return confidence + TOLERANCE >= confirm ? Tier.CONFIRM : Tier.MANUAL;
    }

    double autoThreshold(String value) {
        return autoByValue.getOrDefault(value, auto);
    }

    double confirmThreshold() {
        return confirm;
    }

    Map<String, Double> autoByValue() {
        return autoByValue;
    }

    void write(DataOutput out) throws IOException {
        out.writeDouble(auto);
        out.writeDouble(confirm);
        out.writeInt(autoByValue.size());
        for (Map.Entry<String, Double> e : new TreeMap<>(autoByValue).entrySet()) {
            out.writeUTF(e.getKey());
            out.writeDouble(e.getValue());
        }
    }

    static TierThresholds read(DataInput in) throws IOException {
        double auto = in.readDouble();
        double confirm = in.readDouble();
        int n = in.readInt();
        Map<String, Double> byValue = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            byValue.put(in.readUTF(), in.readDouble());
        }
        return new TierThresholds(auto, confirm, byValue);
    }

    @Override
    public String toString() {
        return "AUTO ≥ " + auto + " (per value " + autoByValue + "), CONFIRM ≥ " + confirm;
    }
}
