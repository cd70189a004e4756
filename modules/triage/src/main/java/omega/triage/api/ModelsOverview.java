package omega.triage.api;

import java.util.List;

/** A tenant's current models, its labelled examples and whether a training is running. */
public record ModelsOverview(List<ModelInfo> models, long examples, boolean training, int trainingsCompleted,
                             String lastTrainingError) {
}
