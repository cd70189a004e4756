package omega.context.control;

import java.nio.file.Path;

/**
 * Settings of long-term memory.
 *
 * @param indexDirectory where each tenant's keyword and HNSW index folders live
 * @param hnswThreshold  above this many tickets a tenant's vectors move from exact search to HNSW
 */
public record ContextSettings(Path indexDirectory, int hnswThreshold, HnswSettings hnsw, RetrievalSettings retrieval) {

    public static final int DEFAULT_HNSW_THRESHOLD = 20_000;

    public static ContextSettings defaults(Path indexDirectory) {
        return new ContextSettings(indexDirectory, DEFAULT_HNSW_THRESHOLD, HnswSettings.DEFAULTS,
                RetrievalSettings.DEFAULTS);
    }

    public ContextSettings withHnswThreshold(int threshold) {
        return new ContextSettings(indexDirectory, threshold, hnsw, retrieval);
    }

    public ContextSettings withRetrieval(RetrievalSettings settings) {
        return new ContextSettings(indexDirectory, hnswThreshold, hnsw, settings);
    }
}
