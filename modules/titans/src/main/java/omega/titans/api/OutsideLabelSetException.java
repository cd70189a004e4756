package omega.titans.api;

import java.util.Set;
import java.util.TreeSet;

/** A titan answered a value that is not in the request's label set (an LLM making one up, for instance). */
public class OutsideLabelSetException extends RuntimeException {

    private final String label;
    private final String value;
    private final Set<String> allowedValues;

    public OutsideLabelSetException(String label, String value, Set<String> allowedValues) {
        super("'" + value + "' is not an allowed value of " + label + " " + new TreeSet<>(allowedValues));
        this.label = label;
        this.value = value;
        this.allowedValues = Set.copyOf(allowedValues);
    }

    public String label() {
        return label;
    }

    public String value() {
        return value;
    }

    public Set<String> allowedValues() {
        return allowedValues;
    }
}
