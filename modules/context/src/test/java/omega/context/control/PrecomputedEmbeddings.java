package omega.context.control;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import omega.platform.api.EmbeddingService;

/** The benchmark's embedder: answers from vectors computed beforehand (by the real model or synthesized). */
final class PrecomputedEmbeddings implements EmbeddingService {

    private final String modelId;
    private final int dimension;
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

    PrecomputedEmbeddings(String modelId, int dimension) {
        this.modelId = modelId;
        this.dimension = dimension;
    }

    void put(String text, float[] vector) {
        vectors.put(text, vector);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public float[] embed(String text) {
        float[] vector = vectors.get(text);
        if (vector == null) {
            throw new IllegalArgumentException("no precomputed vector for a text of length " + text.length());
        }
        return vector;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }
}
