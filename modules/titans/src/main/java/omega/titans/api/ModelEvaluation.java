package omega.titans.api;

import java.util.List;
import java.util.Map;

/**
 * Held-out quality of a label's model on a tenant's labelled history (k-fold cross-validation: every example is
 * predicted by a model trained without it).
 *
 * @param perValue    value → its support, precision, recall, F1
 * @param reliability 10 confidence bins: mean confidence against accuracy
 * @param ece         expected calibration error over the bins
 * @param tiers       per tier: share of predictions (coverage) and their precision
 */
public record ModelEvaluation(String tenantId, String label, int folds, int size, double accuracy, double macroF1,
                              Map<String, ValueQuality> perValue, List<ReliabilityBin> reliability, double ece,
                              Map<Tier, TierQuality> tiers) {

    public record ValueQuality(int support, int predicted, double precision, double recall, double f1) {
    }

    public record ReliabilityBin(double lower, double upper, int count, double meanConfidence, double accuracy) {
    }

    public record TierQuality(int count, double coverage, double precision) {
    }
}
