package omega.platform.control;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The vectors of the last few texts embedded, so one ticket asked about by several parts of the process (the local
 * titan for each label, then context memory for similar tickets) costs one model run, not one per caller. Bounded,
 * least recently used first out; hands out copies, so a caller that changes its vector changes nobody else's.
 */
final class RecentVectors {

    private final int capacity;
    private final Map<String, float[]> vectors;

    RecentVectors(int capacity) {
        this.capacity = Math.max(0, capacity);
        this.vectors = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > RecentVectors.this.capacity;
            }
        };
    }

    /** @return a copy of the text's vector, or null when it was not embedded recently */
    float[] get(String text) {
        if (capacity == 0) {
            return null;
        }
        synchronized (vectors) {
            float[] vector = vectors.get(text);
            return vector == null ? null : vector.clone();
        }
    }

    void put(String text, float[] vector) {
        if (capacity == 0) {
            return;
        }
        synchronized (vectors) {
            vectors.put(text, vector.clone());
        }
    }

    int size() {
        synchronized (vectors) {
            return vectors.size();
        }
    }
}
