package omega.triage.api;

import java.time.Instant;
import java.util.Set;

/** The current model of one label of a tenant. */
public record ModelInfo(String label, String version, Instant trainedAt, int trainingSize, Set<String> values) {
}
