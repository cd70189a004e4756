package omega.context.control;

/**
 * Lucene HNSW parameters.
 *
 * @param maxConnections graph degree (Lucene's M)
 * @param beamWidth      candidates considered while inserting (Lucene's beamWidth / efConstruction)
 * @param candidates     neighbours collected per search before the top k is cut (efSearch)
 */
public record HnswSettings(int maxConnections, int beamWidth, int candidates) {

    public static final HnswSettings DEFAULTS = new HnswSettings(16, 100, 100);
}
