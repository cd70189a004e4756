package omega.titans.control;

import omega.platform.api.EmbeddingService;

import java.util.List;
import java.util.Locale;

/** A fast, deterministic stand-in for MiniLM in unit tests: words hashed into 64 dimensions, L2-normalized. */
final class HashedWordEmbeddings implements EmbeddingService {

    private final String modelId;

    HashedWordEmbeddings() {
        this("hashed-words-64");
    }

    HashedWordEmbeddings(String modelId) {
        this.modelId = modelId;
    }

    @Override
    public int dimension() {
        return 64;
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public float[] embed(String text) {
        float[] v = new float[64];
        for (String word : text.toLowerCase(Locale.ROOT).split("\\W+")) {
            if (!word.isEmpty()) {
                v[Math.floorMod(word.hashCode() * 31 + 7, 64)] += 1;
            }
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = norm == 0 ? 0 : (float) (v[i] / Math.sqrt(norm));
        }
        return v;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }
}
