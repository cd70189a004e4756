package omega.context.control;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import omega.platform.api.EmbeddingService;

/**
 * A deterministic stand-in for the real model: hashed bag of words into 384 dimensions (a word sets one signed
 * dimension), L2-normalized. Texts sharing words are similar; it counts every text it embeds.
 */
final class HashingEmbeddings implements EmbeddingService {

    static final int DIMENSION = 384;

    private final String modelId;
    private final AtomicInteger embedded = new AtomicInteger();

    HashingEmbeddings() {
        this("hashing-bow-384");
    }

    HashingEmbeddings(String modelId) {
        this.modelId = modelId;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public float[] embed(String text) {
        embedded.incrementAndGet();
        float[] vector = new float[DIMENSION];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                int hash = mix(word.hashCode());
                vector[Math.floorMod(hash, DIMENSION)] += (hash & 0x40000000) == 0 ? 1 : -1;
            }
        }
        return UnitVectors.normalized(vector);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }

    /** @return how many texts were embedded so far */
    int embedded() {
        return embedded.get();
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
