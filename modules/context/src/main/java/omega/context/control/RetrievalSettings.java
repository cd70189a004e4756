package omega.context.control;

import java.time.Duration;

/**
 * How hybrid retrieval weighs its signals: score = vector × cosine + keyword × (BM25 / best BM25) + recency ×
 * 2^(−age / half-life). {@code candidates} is how many neighbours each of the vector and keyword searches brings.
 */
public record RetrievalSettings(double vectorWeight, double keywordWeight, double recencyWeight,
        Duration recencyHalfLife, int candidates) {

    public static final RetrievalSettings DEFAULTS = new RetrievalSettings(0.7, 0.2, 0.1, Duration.ofDays(180), 100);

    public RetrievalSettings {
        if (vectorWeight < 0 || keywordWeight < 0 || recencyWeight < 0) {
            throw new IllegalArgumentException("weights must not be negative");
        }
        if (recencyHalfLife.isNegative() || recencyHalfLife.isZero() || candidates < 1) {
            throw new IllegalArgumentException("half-life and candidates must be positive");
        }
    }
}
