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

    /** @return completes with the new version once it is the current one */
    CompletionStage<ModelVersion> train(String tenantId, String label, List<LabelledExample> history);

    Optional<ModelVersion> current(String tenantId, String label);

    /** @return the current model as bytes, empty if there is none */
    Optional<byte[]> export(String tenantId, String label);

    /** Makes an exported model the current one for its tenant and label. */
    ModelVersion install(byte[] model);

    /**
     * Cross-validates {@code label} on {@code history} with {@code folds} stratified folds (each trained like a real
     * model, calibration included), on the caller's thread; installs nothing.
     */
    ModelEvaluation evaluate(String tenantId, String label, List<LabelledExample> history, int folds);
}
