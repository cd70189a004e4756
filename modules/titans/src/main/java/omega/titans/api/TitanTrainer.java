package omega.titans.api;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Trains the local titan's per-tenant, per-label models from history. Training runs off the caller's thread; until
 * the new version is ready, classification keeps using the current one. A model exports to bytes for storage and
 * is installed again from them (e.g. at start).
 */
public interface TitanTrainer {

    /** The precision the AUTO tier must reach on held-out data unless the caller asks for another. */
    double DEFAULT_TARGET_PRECISION = 0.95;

    /** @return completes with the new version once it is the current one */
    default CompletionStage<ModelVersion> train(String tenantId, String label, List<LabelledExample> history) {
        return train(tenantId, label, history, DEFAULT_TARGET_PRECISION);
    }

    /**
     * Like {@link #train(String, String, List)}, choosing the AUTO threshold(s) as the lowest confidence at which the
     * held-out answers reach {@code targetPrecision} (in (0, 1]).
     */
    CompletionStage<ModelVersion> train(String tenantId, String label, List<LabelledExample> history,
                                        double targetPrecision);

    Optional<ModelVersion> current(String tenantId, String label);

    /** @return the current model as bytes, empty if there is none */
    Optional<byte[]> export(String tenantId, String label);

    /** Makes an exported model the current one for its tenant and label. */
    ModelVersion install(byte[] model);

    /**
     * Cross-validates {@code label} on {@code history} with {@code folds} stratified folds (each trained like a real
     * model, calibration included), on the caller's thread; installs nothing.
     */
    default ModelEvaluation evaluate(String tenantId, String label, List<LabelledExample> history, int folds) {
        return evaluate(tenantId, label, history, folds, DEFAULT_TARGET_PRECISION);
    }

    /** Like {@link #evaluate(String, String, List, int)}, with the AUTO tier chosen for {@code targetPrecision}. */
    ModelEvaluation evaluate(String tenantId, String label, List<LabelledExample> history, int folds,
                             double targetPrecision);
}
