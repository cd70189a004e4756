package omega.context.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

import omega.context.api.SearchFilter;

/**
 * Exact search while a tenant is small, HNSW once it grows past a threshold: the first write that takes the
 * exact index over the threshold builds the HNSW index from it (in that call) and switches for good. A tenant
 * whose HNSW index exists on disk stays on HNSW, even if erasures shrink it below the threshold again.
 */
final class SwitchingVectorIndex implements VectorIndex {

    private static final Logger LOG = Logger.getLogger(SwitchingVectorIndex.class.getName());

    private final int threshold;
    private final Supplier<HnswVectorIndex> hnswOpener;
    private volatile VectorIndex current;

    private SwitchingVectorIndex(VectorIndex start, int threshold, Supplier<HnswVectorIndex> hnswOpener) {
        this.current = start;
        this.threshold = threshold;
        this.hnswOpener = hnswOpener;
    }

    static SwitchingVectorIndex exact(int dimension, int threshold, Supplier<HnswVectorIndex> hnswOpener) {
        return new SwitchingVectorIndex(new ExactVectorIndex(dimension), threshold, hnswOpener);
    }

    static SwitchingVectorIndex hnsw(int threshold, Supplier<HnswVectorIndex> hnswOpener) {
        return new SwitchingVectorIndex(hnswOpener.get(), threshold, hnswOpener);
    }

    @Override
    public synchronized void putAll(List<IndexedVector> entries) {
        if (current instanceof ExactVectorIndex exact && exact.size() + entries.size() > threshold) {
            switchToHnsw(exact, entries);
        } else {
            current.putAll(entries);
        }
    }

    private void switchToHnsw(ExactVectorIndex exact, List<IndexedVector> entries) {
        long start = System.nanoTime();
        HnswVectorIndex hnsw = hnswOpener.get();
        Set<String> stale = hnsw.ticketIds();
        stale.removeAll(exact.ticketIds());
        if (!stale.isEmpty()) {
            hnsw.removeAll(stale);
        }
        List<IndexedVector> batch = new ArrayList<>(1000);
        exact.forEach(entry -> {
            batch.add(entry);
            if (batch.size() == 1000) {
                hnsw.putAll(batch);
                batch.clear();
            }
        });
        batch.addAll(entries);
        hnsw.putAll(batch);
        hnsw.mergeToOneSegment();
        current = hnsw; // searches still running on the exact index finish there; it is then garbage
        LOG.info("Vector index switched from exact to HNSW at " + hnsw.size() + " vectors in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    @Override
    public synchronized void removeAll(Collection<String> ticketIds) {
        current.removeAll(ticketIds);
    }

    @Override
    public List<Neighbor> nearest(float[] query, int k, SearchFilter filter) {
        return current.nearest(query, k, filter);
    }

    @Override
    public Map<String, Float> similarities(Collection<String> ticketIds, float[] query) {
        return current.similarities(ticketIds, query);
    }

    @Override
    public int size() {
        return current.size();
    }

    @Override
    public Set<String> ticketIds() {
        return current.ticketIds();
    }

    @Override
    public String kind() {
        return current.kind();
    }

    VectorIndex current() {
        return current;
    }

    @Override
    public synchronized void close() {
        current.close();
    }
}
