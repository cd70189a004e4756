package omega.platform.api;

import java.util.Map;

/**
 * A past ticket with the values people gave it, as a PSA's history import delivers it (one NDJSON line of
 * {@code POST /api/v1/models/train}, or a {@code ticket-history} message). Trains the tenant's triage models.
 *
 * @param labels     label name → value ({@code category}, {@code priority}, {@code queue}, {@code assignee}, ...)
 * @param resolution how it was resolved, if known
 */
public record HistoricalTicket(String tenantId, String source, String externalId, String title, String body,
                               Map<String, String> labels, String resolution) {
}
