package omega.triage.control;

import java.util.Optional;
import java.util.function.Function;

import omega.titans.api.Tier;

/**
 * Configured tier thresholds ({@code triage.threshold.*}) over the ones the model learned (AUTO at a held-out
 * precision of 0.95). The most specific key wins: {@code triage.threshold.<tenant>.<label>.<value>.auto},
 * {@code triage.threshold.<tenant>.<label>.auto}, {@code triage.threshold.<label>.auto},
 * {@code triage.threshold.auto}; the same with {@code .confirm}. A configured AUTO threshold grants AUTO at or above
 * it and takes AUTO away below it; a configured CONFIRM threshold decides CONFIRM against MANUAL below AUTO.
 */
public final class TierOverrides {

    private final Function<String, Optional<Double>> config;

    /** @param config reads a key (e.g. MicroProfile Config's {@code getOptionalValue(key, Double.class)}) */
    public TierOverrides(Function<String, Optional<Double>> config) {
        this.config = config;
    }

    public Tier apply(String tenantId, String label, String value, double confidence, Tier learned) {
        if (value == null) {
            return Tier.MANUAL;
        }
        Optional<Double> auto = threshold(tenantId, label, value, "auto");
        Optional<Double> confirm = threshold(tenantId, label, value, "confirm");
        Tier tier = learned;
        if (auto.isPresent()) {
            tier = confidence >= auto.get() ? Tier.AUTO : (tier == Tier.AUTO ? Tier.CONFIRM : tier);
        }
        if (confirm.isPresent() && tier != Tier.AUTO) {
            tier = confidence >= confirm.get() ? Tier.CONFIRM : Tier.MANUAL;
        }
        return tier;
    }

    private Optional<Double> threshold(String tenantId, String label, String value, String tier) {
        for (String key : new String[] {
                "triage.threshold." + tenantId + "." + label + "." + value + "." + tier,
                "triage.threshold." + tenantId + "." + label + "." + tier,
                "triage.threshold." + label + "." + tier,
                "triage.threshold." + tier}) {
            Optional<Double> found = config.apply(key);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
