package omega.platform.api;

import java.util.Map;

/**
 * One past ticket with the values people gave it, as a history import delivers it (published on
 * {@code ticket-history} by the connectors' import, or one NDJSON line of {@code POST /api/v1/models/train}):
 * training data for triage, memory for context. Timestamps are ISO-8601 strings.
 *
 * @param jobId      the import job it came from, or null
 * @param line       its line (NDJSON) or record number (CSV) in the uploaded file, counting from 1; 0 if unknown
 * @param source     the system it came from, or null for a generic history import
 * @param labels     label name → value ({@code category}, {@code priority}, {@code queue}, {@code assignee}, ...)
 * @param resolution how it was resolved, when the import carries it, else null
 */
public record HistoricalTicket(
        String tenantId,
        String jobId,
        long line,
        String source,
        String externalId,
        String title,
        String body,
        String createdAt,
        Map<String, String> labels,
        String resolution) {
}
