package omega.context.control;

import java.io.Closeable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import omega.context.api.SearchFilter;

/** Nearest-neighbour search over one tenant's ticket vectors (unit length, so dot product = cosine). */
interface VectorIndex extends Closeable {

    /** Adds or replaces entries (by ticket id). */
    void putAll(List<IndexedVector> entries);

    void removeAll(Collection<String> ticketIds);

    /** @return at most {@code k} tickets accepted by the filter, most similar first */
    List<Neighbor> nearest(float[] query, int k, SearchFilter filter);

    /** @return ticket id → cosine similarity of its stored vector with the query, for those of the ids indexed */
    Map<String, Float> similarities(Collection<String> ticketIds, float[] query);

    /** @return the cosine similarity of the ticket's stored vector with the query, or NaN when not indexed */
    default float similarity(String ticketId, float[] query) {
        return similarities(List.of(ticketId), query).getOrDefault(ticketId, Float.NaN);
    }

    int size();

    Set<String> ticketIds();

    /** @return "exact" or "hnsw" */
    String kind();

    @Override
    void close();
}
