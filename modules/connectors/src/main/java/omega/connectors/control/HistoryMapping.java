package omega.connectors.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

import omega.platform.api.ProblemException;

/**
 * Which CSV column holds which field: query parameters {@code externalId}, {@code title}, {@code body},
 * {@code createdAt}, {@code resolution} and {@code label.<name>} name header columns (NDJSON needs none).
 */
public record HistoryMapping(String externalId, String title, String body, String createdAt, String resolution,
        Map<String, String> labels) {

    public static HistoryMapping of(MultivaluedMap<String, String> query) {
        Map<String, String> labels = new LinkedHashMap<>();
        query.forEach((name, values) -> {
            if (name.startsWith("label.") && name.length() > 6 && !values.isEmpty()) {
                labels.put(name.substring(6), values.get(0));
            }
        });
        return new HistoryMapping(query.getFirst("externalId"), query.getFirst("title"), query.getFirst("body"),
                query.getFirst("createdAt"), query.getFirst("resolution"), Map.copyOf(labels));
    }

    /** @throws ProblemException 400 when a CSV import lacks the required mapping */
    public void requireForCsv() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (externalId == null || externalId.isBlank()) {
            errors.put("externalId", "name the CSV column that holds the ticket id (?externalId=Number)");
        }
        if ((title == null || title.isBlank()) && (body == null || body.isBlank())) {
            errors.put("title", "name the CSV column for the title or the body (?title=Short%20description)");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("A CSV import needs a column mapping in query parameters", errors);
        }
    }

    /** @return column index by header name, for every mapped column; missing ones listed in the exception */
    Map<String, Integer> columns(List<String> header) throws HistoryRows.Rejected {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.get(i).strip(), i);
        }
        StringBuilder missing = new StringBuilder();
        for (String column : mapped()) {
            if (!index.containsKey(column)) {
                missing.append(missing.length() == 0 ? "" : ", ").append('\'').append(column).append('\'');
            }
        }
        if (missing.length() > 0) {
            throw new HistoryRows.Rejected("the CSV header has no column " + missing + " (header: " + header + ")");
        }
        return index;
    }

    private List<String> mapped() {
        java.util.List<String> columns = new java.util.ArrayList<>();
        for (String c : new String[] {externalId, title, body, createdAt, resolution}) {
            if (c != null && !c.isBlank()) {
                columns.add(c.strip());
            }
        }
        labels.values().forEach(c -> columns.add(c.strip()));
        return columns;
    }
}
