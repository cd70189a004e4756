package omega.context.control;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

import omega.context.api.SearchFilter;

/**
 * Exact nearest neighbours: every vector in one contiguous {@code float[]} (slot i at {@code i * dimension}),
 * scanned with a dot product per slot and a bounded heap for the top k. Removal moves the last slot into the
 * gap and zeroes the freed slot, so an erased vector does not linger in memory.
 */
final class ExactVectorIndex implements VectorIndex {

    private final int dimension;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Integer> slotOf = new HashMap<>();
    private float[] data;
    private String[] ids;
    private TicketFacets[] facets;
    private int size;

    ExactVectorIndex(int dimension) {
        this.dimension = dimension;
        int capacity = 1024;
        data = new float[capacity * dimension];
        ids = new String[capacity];
        facets = new TicketFacets[capacity];
    }

    @Override
    public void putAll(List<IndexedVector> entries) {
        lock.writeLock().lock();
        try {
            for (IndexedVector entry : entries) {
                put(entry);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void put(IndexedVector entry) {
        if (entry.vector().length != dimension) {
            throw new IllegalArgumentException("Vector of length " + entry.vector().length + ", index of " + dimension);
        }
        Integer slot = slotOf.get(entry.ticketId());
        if (slot == null) {
            grow();
            slot = size++;
            slotOf.put(entry.ticketId(), slot);
        }
        System.arraycopy(UnitVectors.normalized(entry.vector()), 0, data, slot * dimension, dimension);
        ids[slot] = entry.ticketId();
        facets[slot] = entry.facets();
    }

    private void grow() {
        if (size < ids.length) {
            return;
        }
        int capacity = ids.length * 2;
        data = Arrays.copyOf(data, capacity * dimension);
        ids = Arrays.copyOf(ids, capacity);
        facets = Arrays.copyOf(facets, capacity);
    }

    @Override
    public void removeAll(Collection<String> ticketIds) {
        lock.writeLock().lock();
        try {
            for (String id : ticketIds) {
                Integer slot = slotOf.remove(id);
                if (slot != null) {
                    moveLastInto(slot);
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void moveLastInto(int slot) {
        int last = --size;
        if (slot != last) {
            System.arraycopy(data, last * dimension, data, slot * dimension, dimension);
            ids[slot] = ids[last];
            facets[slot] = facets[last];
            slotOf.put(ids[slot], slot);
        }
        Arrays.fill(data, last * dimension, (last + 1) * dimension, 0f);
        ids[last] = null;
        facets[last] = null;
    }

    @Override
    public List<Neighbor> nearest(float[] query, int k, SearchFilter filter) {
        lock.readLock().lock();
        try {
            TopK top = new TopK(Math.min(k, size));
            boolean filtered = !filter.isEmpty();
            for (int slot = 0, offset = 0; slot < size; slot++, offset += dimension) {
                if (filtered && !facets[slot].accepts(filter)) {
                    continue;
                }
                float score = UnitVectors.dot(query, data, offset);
                if (score > top.threshold()) {
                    top.offer(slot, score);
                }
            }
            return top.best(slot -> ids[slot]);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Map<String, Float> similarities(Collection<String> ticketIds, float[] query) {
        lock.readLock().lock();
        try {
            Map<String, Float> similarities = new HashMap<>();
            for (String id : ticketIds) {
                Integer slot = slotOf.get(id);
                if (slot != null) {
                    similarities.put(id, UnitVectors.dot(query, data, slot * dimension));
                }
            }
            return similarities;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Hands every entry to {@code action} (a copy of each vector), e.g. to build an HNSW index from this one. */
    void forEach(Consumer<IndexedVector> action) {
        lock.readLock().lock();
        try {
            for (int slot = 0; slot < size; slot++) {
                float[] vector = Arrays.copyOfRange(data, slot * dimension, (slot + 1) * dimension);
                action.accept(new IndexedVector(ids[slot], vector, facets[slot]));
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public int size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Set<String> ticketIds() {
        lock.readLock().lock();
        try {
            return new HashSet<>(slotOf.keySet());
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public String kind() {
        return "exact";
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            data = new float[0];
            ids = new String[0];
            facets = new TicketFacets[0];
            slotOf.clear();
            size = 0;
        } finally {
            lock.writeLock().unlock();
        }
    }
}
