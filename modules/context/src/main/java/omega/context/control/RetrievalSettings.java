package omega.context.control;

import java.time.Duration;

/**
 * How hybrid retrieval weighs its signals: score = vector × cosine + keyword × (BM25 / best BM25) + recency ×
 * 2^(−age / half-life). {@code candidates} is how many neighbours the vector search brings, {@code keywordCandidates}
 * how many the BM25 search brings (fewer: a keyword-only candidate needs a high keyword score to reach the top, and
 * BM25's cost grows with k because its block-max WAND can skip less).
 */
public record RetrievalSettings(double vectorWeight, double keywordWeight, double recencyWeight,
        Duration recencyHalfLife, int candidates, int keywordCandidates) {

    public static final int DEFAULT_KEYWORD_CANDIDATES = 30;
    public static final RetrievalSettings DEFAULTS = new RetrievalSettings(0.7, 0.2, 0.1, Duration.ofDays(180), 100,
            DEFAULT_KEYWORD_CANDIDATES);

    public RetrievalSettings(double vectorWeight, double keywordWeight, double recencyWeight, Duration recencyHalfLife,
            int candidates) {
        this(vectorWeight, keywordWeight, recencyWeight, recencyHalfLife, candidates,
                Math.min(candidates, DEFAULT_KEYWORD_CANDIDATES));
    }

    public RetrievalSettings withKeywordCandidates(int k) {
        return new RetrievalSettings(vectorWeight, keywordWeight, recencyWeight, recencyHalfLife, candidates, k);
    }

    public RetrievalSettings {
        if (vectorWeight < 0 || keywordWeight < 0 || recencyWeight < 0) {
            throw new IllegalArgumentException("weights must not be negative");
        }
        if (recencyHalfLife.isNegative() || recencyHalfLife.isZero() || candidates < 1 || keywordCandidates < 1) {
            throw new IllegalArgumentException("half-life and candidates must be positive");
        }
    }
}
