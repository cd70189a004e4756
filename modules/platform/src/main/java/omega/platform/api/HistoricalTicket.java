package omega.platform.api;

import java.util.Map;

/**
 * One past ticket from a history import, as published on {@code ticket-history} (training data for triage,
 * memory for context). Timestamps are ISO-8601 strings.
 *
 * @param jobId   the import job it came from
 * @param line    its line (NDJSON) or record number (CSV) in the uploaded file, counting from 1
 * @param labels  the labels the tenant mapped (queue, category, assignee, ...)
 * @param resolution how it was resolved, when the import carries it, else null
 */
public record HistoricalTicket(
        String tenantId,
        String jobId,
        long line,
        String externalId,
        String title,
        String body,
        String createdAt,
        Map<String, String> labels,
        String resolution) {
}
