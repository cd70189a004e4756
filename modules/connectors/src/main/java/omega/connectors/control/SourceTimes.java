package omega.connectors.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * Reads the timestamp spellings the platforms use. With an offset: ISO-8601 ({@code 2025-01-08T10:12:07Z},
 * any fraction) and Salesforce's {@code 2016-09-27T20:32:11.000+0000}. Without one, read as UTC: ServiceNow's
 * {@code 2016-12-14 02:46:44} (the Table API's internal values are UTC), Kaseya BMS's
 * {@code 2024-01-15T09:12:00} and a bare date.
 */
final class SourceTimes {

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalEnd()
            .toFormatter();

    private SourceTimes() {
    }

    /**
     * @return the instant, or null for null/blank
     * @throws DateTimeParseException for text in none of the known spellings
     */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (value.length() > 10 && value.charAt(10) == ' ') {
            value = value.substring(0, 10) + 'T' + value.substring(11);
        }
        TemporalAccessor parsed = FORMAT.parseBest(value, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
        if (parsed instanceof OffsetDateTime withOffset) {
            return withOffset.toInstant();
        }
        if (parsed instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        return ((LocalDate) parsed).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
