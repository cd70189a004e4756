package omega.titans.control;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Temperature scaling: calibrated p_i = p_i^(1/T) / Σ_j p_j^(1/T), i.e. softmax(logit / T). T is fitted by
 * minimizing the negative log-likelihood on held-out predictions (golden-section search over log T); T > 1
 * softens an over-confident model, T < 1 sharpens an under-confident one. It never changes which value is first.
 */
record Temperature(double value) {

    static final Temperature NONE = new Temperature(1);
    private static final double FLOOR = 1e-12;

    Temperature {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("temperature must be positive: " + value);
        }
    }

    /** A held-out prediction: the model's probabilities and the true value. */
    record Observation(Map<String, Double> probabilities, String truth) {
    }

    static Temperature fit(List<Observation> heldOut) {
        if (heldOut.isEmpty()) {
            return NONE;
        }
        double lo = Math.log(0.05);
        double hi = Math.log(20);
        double ratio = (Math.sqrt(5) - 1) / 2;
        double a = hi - ratio * (hi - lo);
        double b = lo + ratio * (hi - lo);
        double fa = nll(heldOut, Math.exp(a));
        double fb = nll(heldOut, Math.exp(b));
        for (int i = 0; i < 60; i++) {
            if (fa < fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - ratio * (hi - lo);
                fa = nll(heldOut, Math.exp(a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + ratio * (hi - lo);
                fb = nll(heldOut, Math.exp(b));
            }
        }
        return new Temperature(Math.exp((lo + hi) / 2));
    }

    Map<String, Double> apply(Map<String, Double> probabilities) {
        Map<String, Double> scaled = new HashMap<>();
        double sum = 0;
        for (Map.Entry<String, Double> e : probabilities.entrySet()) {
            double p = Math.exp(Math.log(Math.max(e.getValue(), FLOOR)) / value);
            scaled.put(e.getKey(), p);
            sum += p;
        }
        double total = sum;
        scaled.replaceAll((k, p) -> p / total);
        return scaled;
    }

    private static double nll(List<Observation> heldOut, double temperature) {
        Temperature t = new Temperature(temperature);
        double loss = 0;
        for (Observation o : heldOut) {
            loss -= Math.log(Math.max(t.apply(o.probabilities()).getOrDefault(o.truth(), 0.0), FLOOR));
        }
        return loss;
    }
}
