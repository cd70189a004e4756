package omega.connectors.api;

import java.time.Instant;
import java.util.List;

/**
 * A history import and its progress.
 *
 * @param status   RECEIVING, PROCESSING, DONE or FAILED
 * @param rejects  the first rejected rows (capped; {@code rejected} counts all)
 */
public record HistoryJob(String id, String format, String status, long bytes, long rowsRead, long accepted,
        long rejected, List<HistoryReject> rejects, String error, Instant createdAt, Instant finishedAt) {
}
