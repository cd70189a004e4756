package omega.connectors.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import omega.platform.api.HistoricalTicket;

/**
 * Checks one history row and makes it a {@link HistoricalTicket}: an external id and a title or body are
 * required; {@code createdAt} must be a timestamp (ISO-8601; without an offset it is UTC; a date alone is its
 * midnight UTC); text is clipped to the canonical sizes.
 */
final class HistoryRows {

    /** A row that cannot be imported. */
    static final class Rejected extends Exception {
        Rejected(String reason) {
            super(reason, null, false, false);
        }
    }

    private HistoryRows() {
    }

    static HistoricalTicket row(String tenantId, String jobId, long line, String externalId, String title,
            String body, String createdAt, Map<String, String> labels, String resolution) throws Rejected {
        String id = blankToNull(externalId);
        if (id == null) {
            throw new Rejected("missing externalId");
        }
        if (id.length() > TicketDraft.EXTERNAL_ID_MAX) {
            throw new Rejected("externalId is longer than " + TicketDraft.EXTERNAL_ID_MAX + " characters");
        }
        String heading = blankToNull(title);
        String text = blankToNull(body);
        if (heading == null && text == null) {
            throw new Rejected("missing title and body: a ticket needs one of them");
        }
        Map<String, String> cleanLabels = new LinkedHashMap<>();
        if (labels != null) {
            labels.forEach((name, value) -> {
                String v = blankToNull(value);
                if (name != null && !name.isBlank() && v != null) {
                    cleanLabels.put(name.strip(), TicketDraft.clip(v, TicketDraft.LABEL_MAX));
                }
            });
        }
        return new HistoricalTicket(tenantId, jobId, line, null, id, TicketDraft.clip(heading, TicketDraft.TITLE_MAX), text,
                time(createdAt), Map.copyOf(cleanLabels), blankToNull(resolution));
    }

    private static String time(String value) throws Rejected {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return Instant.parse(v).toString();
        } catch (DateTimeParseException e) {
            // try the offset-less forms
        }
        try {
            return LocalDateTime.parse(v.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toString();
        } catch (DateTimeParseException e) {
            // try a date
        }
        try {
            return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC).toString();
        } catch (DateTimeParseException e) {
            throw new Rejected("createdAt is not a timestamp: '" + TicketDraft.clip(v, 40) + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
