package omega.triage.api;

import java.util.Map;

import jakarta.json.bind.annotation.JsonbCreator;

/**
 * A technician confirms or corrects labels: {@code {"labels": {"category": "network"}}}, optionally with how the
 * ticket was resolved ({@code "resolution"}), which context memory then remembers.
 */
public record Feedback(Map<String, String> labels, String resolution) {

    @JsonbCreator
    public Feedback {
    }

    public Feedback(Map<String, String> labels) {
        this(labels, null);
    }
}
