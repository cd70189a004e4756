package omega.titans.api;

import java.util.Map;
import java.util.Objects;

/**
 * A past ticket's text with the values a person gave it ({@code category → 4}, {@code queue → network}).
 * {@code reference} (optional, e.g. the ticket id) lets an explanation point at the example without quoting it.
 */
public record LabelledExample(String reference, String text, Map<String, String> labels) {

    public LabelledExample {
        Objects.requireNonNull(text, "text");
        labels = Map.copyOf(Objects.requireNonNull(labels, "labels"));
    }

    public LabelledExample(String text, Map<String, String> labels) {
        this(null, text, labels);
    }
}
