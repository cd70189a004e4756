package omega.platform.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** The real int8 MiniLM model from the Maven artifact: shape, normalization, and that meaning drives distance. */
class MiniLmEmbeddingsTest {

    private static final MiniLmEmbeddings EMBEDDINGS = new MiniLmEmbeddings();

    @Test
    void vectorsAre384DimensionalAndNormalized() {
        float[] vector = EMBEDDINGS.embed("Outlook keeps asking for my password since this morning");
        assertEquals(384, EMBEDDINGS.dimension());
        assertEquals(384, vector.length);
        assertEquals(1.0, norm(vector), 1e-4);
        assertEquals("all-minilm-l6-v2-q", EMBEDDINGS.modelId());
    }

    @Test
    void similarSentencesAreCloserThanUnrelatedOnes() {
        List<float[]> v = EMBEDDINGS.embedAll(List.of(
                "Outlook keeps asking for my password",
                "Email client prompts for credentials again and again",
                "The printer on the second floor is jammed with paper"));
        double similar = dot(v.get(0), v.get(1));
        double unrelated = dot(v.get(0), v.get(2));
        assertTrue(similar > unrelated + 0.2, "similar " + similar + " vs unrelated " + unrelated);
    }

    @Test
    void batchAndSingleAgreeAndConcurrentCallsAreSafe() throws Exception {
        String text = "VPN disconnects every few minutes when working from home";
        float[] single = EMBEDDINGS.embed(text);
        assertArrayEquals(single, EMBEDDINGS.embedAll(List.of("other text", text)).get(1), 1e-5f);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<float[]>> futures = pool.invokeAll(List.of(() -> EMBEDDINGS.embed(text), () -> EMBEDDINGS.embed(text)));
            for (Future<float[]> future : futures) {
                assertArrayEquals(single, future.get(), 1e-5f);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRepeatedTextGivesTheSameVectorAndCallersCannotChangeEachOthers() {
        String text = "Teams crashes when I share my screen";
        float[] first = EMBEDDINGS.embed(text);
        float[] copy = first.clone();
        first[0] = 42f;
        assertArrayEquals(copy, EMBEDDINGS.embed(text), 0f);
        assertArrayEquals(copy, new MiniLmEmbeddings(0).embed(text), 1e-5f);
    }

    private static double norm(float[] v) {
        return Math.sqrt(dot(v, v));
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
