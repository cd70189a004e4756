package omega.context.control;

/** Arithmetic on embedding vectors: normalization and the dot product (= cosine for unit vectors). */
final class UnitVectors {

    private UnitVectors() {
    }

    /** @return a unit-length copy; a zero vector stays zero */
    static float[] normalized(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += v * v;
        }
        float[] copy = vector.clone();
        if (sum == 0) {
            return copy;
        }
        float inverse = (float) (1 / Math.sqrt(sum));
        for (int i = 0; i < copy.length; i++) {
            copy[i] *= inverse;
        }
        return copy;
    }

    static float dot(float[] a, float[] b) {
        return dot(a, b, 0);
    }

    /** Dot product of {@code query} with the vector stored at {@code offset} in {@code data}; 4 lanes for the JIT. */
    static float dot(float[] query, float[] data, int offset) {
        int n = query.length;
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += query[i] * data[offset + i];
            s1 += query[i + 1] * data[offset + i + 1];
            s2 += query[i + 2] * data[offset + i + 2];
            s3 += query[i + 3] * data[offset + i + 3];
        }
        for (; i < n; i++) {
            s0 += query[i] * data[offset + i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
