package omega.triage.control;

import omega.titans.api.Alternative;
import omega.titans.api.Tier;
import omega.triage.api.LabelDecision;

/**
 * Keeps a label steady across updates of a ticket: a new version may only change a label's value when the new value
 * beats the old one by at least {@code margin} in the new decision's confidences; otherwise the old value stays (with
 * its new confidence, and at most CONFIRM, since the model now prefers another value).
 */
public final class Stability {

    private Stability() {
    }

    public static LabelDecision steady(LabelDecision previous, LabelDecision fresh, double margin) {
        if (previous == null || previous.value() == null || fresh.value() == null
                || previous.value().equals(fresh.value())) {
            return fresh;
        }
        double old = fresh.alternatives().stream().filter(a -> a.value().equals(previous.value()))
                .mapToDouble(Alternative::confidence).findFirst().orElse(0);
        if (fresh.confidence() - old >= margin) {
            return fresh;
        }
        Tier tier = fresh.tier() == Tier.AUTO ? Tier.CONFIRM : fresh.tier();
        return new LabelDecision(previous.value(), old, tier, fresh.alternatives(), previous.titans(),
                String.format(java.util.Locale.ROOT, "kept %s from the previous version: %s leads by %.3f, less than "
                        + "the margin %.2f", previous.value(), fresh.value(), fresh.confidence() - old, margin));
    }
}
