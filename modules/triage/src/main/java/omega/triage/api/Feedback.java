package omega.triage.api;

import java.util.Map;

/** A technician confirms or corrects labels: {@code {"labels": {"category": "network"}}}. */
public record Feedback(Map<String, String> labels) {
}
