package omega.titans.api;

import java.util.Objects;
import java.util.Set;

/**
 * Classify {@code text} for one label (e.g. {@code category}) of one tenant; the answer must be one of
 * {@code allowedValues}.
 */
public record TitanRequest(String tenantId, String label, String text, Set<String> allowedValues) {

    public TitanRequest {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(text, "text");
        allowedValues = Set.copyOf(Objects.requireNonNull(allowedValues, "allowedValues"));
        if (allowedValues.isEmpty()) {
            throw new IllegalArgumentException("a request needs at least one allowed value for " + label);
        }
    }
}
