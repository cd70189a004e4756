package omega.triage.api;

import java.util.List;
import java.util.Map;

/**
 * The answer to a history import: how many lines were stored, which were rejected (line number → why), the labels
 * found, and whether a training was started in the background.
 */
public record TrainingReceipt(int accepted, Map<Integer, String> rejected, List<String> labels, boolean training) {
}
