package omega.titans.api;

import java.time.Instant;
import java.util.Objects;

/** One trained version of a tenant's model for one label. */
public record ModelVersion(String id, String tenantId, String label, Instant trainedAt, int trainingSize) {

    public ModelVersion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(trainedAt, "trainedAt");
    }
}
