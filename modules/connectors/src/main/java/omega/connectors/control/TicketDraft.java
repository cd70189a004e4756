package omega.connectors.control;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import omega.connectors.api.NormalizationFailed;
import omega.connectors.api.PsaPlatform;
import omega.platform.api.TicketNormalized;

/**
 * The canonical fields of one source ticket while a normalizer collects them. Setters take the source field
 * name so that failures name it; {@link #build} checks what is required, cleans the body (HTML to text,
 * quoted replies trimmed), clips text to the canonical column sizes and derives version and labels.
 */
final class TicketDraft {

    static final int EXTERNAL_ID_MAX = 255;
    static final int TITLE_MAX = 500;
    static final int TITLE_FROM_BODY_MAX = 120;
    static final int REQUESTER_MAX = 320;
    static final int CLIENT_MAX = 255;
    static final int CATEGORY_MAX = 128;
    static final int LABEL_MAX = 255;

    private final PsaPlatform platform;
    private final String location;
    private String externalId;
    private String externalIdField = "id";
    private String number;
    private String title;
    private String titleField = "title";
    private String body;
    private String bodyField = "description";
    private String requester;
    private String client;
    private String priority;
    private String sourcePriority;
    private String status;
    private String sourceStatus;
    private String category;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant slaDueAt;
    private String resolution;
    private final Map<String, String> labels = new LinkedHashMap<>();

    /** @param location where in the payload the ticket sits (e.g. {@code result[2]}), or null for the whole payload */
    TicketDraft(PsaPlatform platform, String location) {
        this.platform = platform;
        this.location = location;
    }

    TicketDraft externalId(String field, String value) {
        this.externalIdField = field;
        this.externalId = blankToNull(value);
        return this;
    }

    TicketDraft number(String value) {
        this.number = blankToNull(value);
        return this;
    }

    TicketDraft title(String field, String value) {
        this.titleField = field;
        this.title = blankToNull(value);
        return this;
    }

    /** @param value the body as the source has it: plain text or HTML */
    TicketDraft body(String field, String value) {
        this.bodyField = field;
        this.body = value;
        return this;
    }

    TicketDraft requester(String value) {
        this.requester = clip(blankToNull(value), REQUESTER_MAX);
        return this;
    }

    TicketDraft client(String value) {
        this.client = clip(blankToNull(value), CLIENT_MAX);
        return this;
    }

    TicketDraft priority(String canonical, String source) {
        this.priority = canonical;
        this.sourcePriority = blankToNull(source);
        return this;
    }

    TicketDraft status(String canonical, String source) {
        this.status = canonical;
        this.sourceStatus = blankToNull(source);
        return this;
    }

    /** The source's category: the ticket's {@code category} and its {@code category} label. */
    TicketDraft category(String value) {
        this.category = clip(blankToNull(value), CATEGORY_MAX);
        return label("category", category);
    }

    /** A training label ({@code queue}, {@code assignee}, ...); null or blank values are left out. */
    TicketDraft label(String key, String value) {
        String clean = clip(blankToNull(value), LABEL_MAX);
        if (clean != null) {
            labels.put(key, clean);
        }
        return this;
    }

    /** How the source says the ticket was resolved (HTML to text); blank means not resolved (yet). */
    TicketDraft resolution(String value) {
        String text = blankToNull(value);
        this.resolution = text == null ? null : blankToNull(HtmlText.toText(text).strip());
        return this;
    }

    TicketDraft createdAt(String field, String text) {
        Instant time = time(field, text);
        if (time != null) {
            createdAt = time;
        }
        return this;
    }

    /** May be offered several times (several "last changed" fields): the latest time wins. */
    TicketDraft updatedAt(String field, String text) {
        Instant time = time(field, text);
        if (time != null && (updatedAt == null || time.isAfter(updatedAt))) {
            updatedAt = time;
        }
        return this;
    }

    TicketDraft slaDueAt(String field, String text) {
        Instant time = time(field, text);
        if (time != null) {
            slaDueAt = time;
        }
        return this;
    }

    /** A required field the payload lacks, named with where the ticket sits in the payload. */
    NormalizationFailed missing(String field, String meaning) {
        return NormalizationFailed.missingField(platform, where(field), meaning);
    }

    NormalizationFailed invalid(String field, String problem) {
        return NormalizationFailed.invalidField(platform, where(field), problem);
    }

    TicketNormalized build(RawPayload raw) {
        if (externalId == null) {
            throw missing(externalIdField, "the ticket's id in " + platform.slug());
        }
        if (externalId.length() > EXTERNAL_ID_MAX) {
            throw invalid(externalIdField, "is longer than " + EXTERNAL_ID_MAX + " characters");
        }
        String text = body == null ? "" : ReplyTrimmer.trim(HtmlText.toText(body));
        String heading = title == null ? null : oneLine(title);
        if ((heading == null || heading.isEmpty()) && text.isEmpty()) {
            throw new NormalizationFailed(platform, NormalizationFailed.MISSING_FIELD,
                    "missing fields '" + where(titleField) + "' and '" + where(bodyField)
                            + "': a ticket needs a title or a body",
                    Map.of(where(titleField), "is required when " + where(bodyField) + " is empty"));
        }
        if (heading == null || heading.isEmpty()) {
            heading = clip(oneLine(firstLine(text)), TITLE_FROM_BODY_MAX);
        }
        Map<String, String> allLabels = new LinkedHashMap<>(labels);
        if (priority != null) {
            allLabels.putIfAbsent("priority", priority);
        }
        Instant versionTime = updatedAt != null ? updatedAt : createdAt;
        return new TicketNormalized(null, raw.tenantId(), platform.slug(), externalId,
                versionTime == null ? 0L : versionTime.toEpochMilli(), number, clip(heading, TITLE_MAX), text,
                requester, client, iso(createdAt), iso(updatedAt), iso(slaDueAt), priority, sourcePriority, status,
                sourceStatus, category, Map.copyOf(allLabels), raw.rawId(), UUID.randomUUID().toString(), resolution);
    }

    private Instant time(String field, String text) {
        try {
            return SourceTimes.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(field, "is not a timestamp this connector reads: '" + clip(text, 60) + "'");
        }
    }

    private String where(String field) {
        return location == null ? field : location + "." + field;
    }

    private static String iso(Instant time) {
        return time == null ? null : time.toString();
    }

    /** @return the first non-null of {@code values} (candidates for one canonical field, best first), or null */
    static String firstOf(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String clip(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 2)) ? max - 2 : max - 1;
        return value.substring(0, end) + "\u2026";
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private static String oneLine(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 2 * TITLE_MAX));
        boolean space = false;
        for (int i = 0; i < text.length() && out.length() < 2 * TITLE_MAX; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '\u00A0') {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
