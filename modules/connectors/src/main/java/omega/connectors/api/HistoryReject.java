package omega.connectors.api;

/** A history row that was not imported: its line (NDJSON) or record number (CSV, header = 1) and why. */
public record HistoryReject(long line, String reason) {
}
