package omega.triage.api;

import java.util.Map;

/** Feedback stored: per label whether it confirmed ({@code true}) or corrected ({@code false}) the decision. */
public record FeedbackReceipt(String ticketId, Map<String, Boolean> confirmed, boolean retrainingScheduled) {
}
