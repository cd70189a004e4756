package omega.triage.api;

/** {@code POST /api/v1/models/evaluate}: one label (null: every label) with k folds (default 5, 2..10). */
public record EvaluationRequest(String label, Integer folds) {
}
