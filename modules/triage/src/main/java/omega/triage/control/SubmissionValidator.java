package omega.triage.control;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import omega.platform.api.ProblemException;
import omega.triage.api.TicketSubmission;

/** Checks a canonical ticket submission and says every problem at once. */
public final class SubmissionValidator {

    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private SubmissionValidator() {
    }

    public static void validate(TicketSubmission s) {
        Map<String, String> errors = new LinkedHashMap<>();
        required(errors, "externalId", s.externalId(), 255);
        required(errors, "source", s.source(), 64);
        if (s.source() != null && !s.source().isBlank() && !SOURCE.matcher(s.source()).matches()) {
            errors.put("source", "use letters, digits, '.', '_' or '-' (e.g. zendesk, servicenow, email)");
        }
        required(errors, "title", s.title(), 500);
        if (s.body() == null) {
            errors.put("body", "is required (it may be empty)");
        }
        required(errors, "requester", s.requester(), 320);
        required(errors, "client", s.client(), 255);
        if (s.createdAt() == null || s.createdAt().isBlank()) {
            errors.put("createdAt", "is required (ISO-8601, e.g. 2026-11-22T09:30:00Z)");
        } else if (parseInstant(s.createdAt()) == null) {
            errors.put("createdAt", "is not an ISO-8601 timestamp with offset (e.g. 2026-11-22T09:30:00Z)");
        }
        optional(errors, "priority", s.priority(), 32);
        optional(errors, "category", s.category(), 128);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The ticket has " + errors.size() + " invalid field(s)", errors);
        }
    }

    public static Instant parseInstant(String value) {
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value.trim());
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static void required(Map<String, String> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.put(field, "is required");
        } else if (value.length() > max) {
            errors.put(field, "is longer than " + max + " characters");
        }
    }

    private static void optional(Map<String, String> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.put(field, "is longer than " + max + " characters");
        }
    }
}
