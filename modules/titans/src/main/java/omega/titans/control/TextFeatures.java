package omega.titans.control;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * The classifier's input for one ticket: the sentence embedding (one feature per dimension) and, when enabled,
 * hashed word unigrams and bigrams (log term frequency, L2-normalized, times {@code lexicalWeight}). Words are
 * hashed into 2^18 buckets, so a stored model holds no vocabulary (no plain words from tickets).
 */
record TextFeatures(boolean lexical, double lexicalWeight) {

    static final TextFeatures EMBEDDING_ONLY = new TextFeatures(false, 0);
    private static final int BUCKETS = 1 << 18;
    private static final String[] DIMENSION_NAMES = new String[1024];

    static {
        for (int i = 0; i < DIMENSION_NAMES.length; i++) {
            DIMENSION_NAMES[i] = String.format(Locale.ROOT, "e%04d", i);
        }
    }

    /** The features of one text: parallel arrays of names and values. */
    record Vector(String[] names, double[] values) {

        Vector keep(Predicate<String> name) {
            List<Integer> kept = IntStream.range(0, names.length).filter(i -> name.test(names[i])).boxed().toList();
            if (kept.size() == names.length) {
                return this;
            }
            return new Vector(kept.stream().map(i -> names[i]).toArray(String[]::new),
                    kept.stream().mapToDouble(i -> values[i]).toArray());
        }
    }

    static boolean isLexical(String featureName) {
        return featureName.startsWith("w");
    }

    Vector encode(String text, float[] embedding) {
        Map<Integer, Integer> counts = lexical ? bucketCounts(text) : Map.of();
        String[] names = new String[embedding.length + counts.size()];
        double[] values = new double[names.length];
        for (int i = 0; i < embedding.length; i++) {
            names[i] = DIMENSION_NAMES[i];
            values[i] = embedding[i];
        }
        if (!counts.isEmpty()) {
            double norm = 0;
            for (int count : counts.values()) {
                double v = 1 + Math.log(count);
                norm += v * v;
            }
            double scale = lexicalWeight / Math.sqrt(norm);
            int i = embedding.length;
            for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
                names[i] = "w" + Integer.toHexString(e.getKey());
                values[i++] = (1 + Math.log(e.getValue())) * scale;
            }
        }
        return new Vector(names, values);
    }

    private static Map<Integer, Integer> bucketCounts(String text) {
        String[] words = Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() > 1).toArray(String[]::new);
        Map<Integer, Integer> counts = new HashMap<>();
        for (int i = 0; i < words.length; i++) {
            counts.merge(bucket(words[i]), 1, Integer::sum);
            if (i > 0) {
                counts.merge(bucket(words[i - 1] + ' ' + words[i]), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** String.hashCode is specified by the JLS, so buckets are stable across JVMs; the mix spreads the low bits. */
    private static int bucket(String token) {
        int h = token.hashCode() * 0x9E3779B1;
        return (h ^ (h >>> 15)) & (BUCKETS - 1);
    }
}
