package omega.context.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import omega.context.api.SearchFilter;

class HnswVectorIndexTest {

    private static final int DIMENSION = 384;

    @TempDir
    Path folder;

    private final Random random = new Random(42);

    @Test
    void recallAtTenAgainstExactSearchOnRandomUnitVectors() {
        List<IndexedVector> all = vectors(2000);
        ExactVectorIndex exact = new ExactVectorIndex(DIMENSION);
        exact.putAll(all);
        // random 384-d vectors are HNSW's hardest case (no low-dimensional structure, near-equal distances): with
        // 100 candidates recall@10 is ~0.85 on them, with 200 ~0.96; real embeddings do better (docs/benchmarks.md)
        HnswSettings settings = new HnswSettings(16, 100, 200);
        try (HnswVectorIndex hnsw = new HnswVectorIndex(folder, "m", DIMENSION, settings)) {
            hnsw.putAll(all);
            int found = 0;
            int queries = 50;
            for (int q = 0; q < queries; q++) {
                float[] query = Tickets.randomUnitVector(random, DIMENSION);
                Set<String> truth = ids(exact.nearest(query, 10, SearchFilter.NONE));
                Set<String> approximate = ids(hnsw.nearest(query, 10, SearchFilter.NONE));
                approximate.retainAll(truth);
                found += approximate.size();
            }
            double recall = found / (queries * 10.0);
            assertTrue(recall >= 0.95, "recall@10 " + recall);
        }
    }

    @Test
    void reopensFromDiskWithTheSameAnswers() {
        List<IndexedVector> all = vectors(500);
        float[] query = Tickets.randomUnitVector(random, DIMENSION);
        List<Neighbor> before;
        try (HnswVectorIndex hnsw = new HnswVectorIndex(folder, "m", DIMENSION, HnswSettings.DEFAULTS)) {
            hnsw.putAll(all);
            before = hnsw.nearest(query, 10, SearchFilter.NONE);
        }
        assertTrue(HnswVectorIndex.existsIn(folder));
        try (HnswVectorIndex reopened = new HnswVectorIndex(folder, "m", DIMENSION, HnswSettings.DEFAULTS)) {
            assertEquals(500, reopened.size());
            assertEquals(before, reopened.nearest(query, 10, SearchFilter.NONE));
            assertEquals(1.0f, reopened.similarity("t3", all.get(3).vector()), 1e-5);
        }
    }

    @Test
    void anIndexOfAnotherModelStartsEmpty() {
        try (HnswVectorIndex hnsw = new HnswVectorIndex(folder, "model-a", DIMENSION, HnswSettings.DEFAULTS)) {
            hnsw.putAll(vectors(20));
        }
        try (HnswVectorIndex other = new HnswVectorIndex(folder, "model-b", DIMENSION, HnswSettings.DEFAULTS)) {
            assertEquals(0, other.size());
        }
    }

    @Test
    void filtersApplyInsideTheGraphSearch() {
        List<IndexedVector> all = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            all.add(new IndexedVector("t" + i, Tickets.randomUnitVector(random, DIMENSION),
                    Tickets.facets(i % 30 == 0 ? "rare" : "common", "email")));
        }
        try (HnswVectorIndex hnsw = new HnswVectorIndex(folder, "m", DIMENSION, HnswSettings.DEFAULTS)) {
            hnsw.putAll(all);
            List<Neighbor> found = hnsw.nearest(Tickets.randomUnitVector(random, DIMENSION), 50,
                    new SearchFilter("rare", null, null));
            assertEquals(20, found.size(), "all 20 'rare' tickets and nothing else");
            assertTrue(found.stream().allMatch(n -> Integer.parseInt(n.ticketId().substring(1)) % 30 == 0));
        }
    }

    @Test
    void removalLeavesNoDeletedDocumentInTheFiles() {
        List<IndexedVector> all = vectors(300);
        try (HnswVectorIndex hnsw = new HnswVectorIndex(folder, "m", DIMENSION, HnswSettings.DEFAULTS)) {
            hnsw.putAll(all);
            hnsw.removeAll(List.of("t1", "t2"));
            assertEquals(298, hnsw.size());
            assertEquals(0, hnsw.deletedButPresent());
            assertTrue(Float.isNaN(hnsw.similarity("t1", all.get(1).vector())));
            assertTrue(hnsw.nearest(all.get(2).vector(), 10, SearchFilter.NONE).stream()
                    .noneMatch(n -> n.ticketId().equals("t2")));
        }
    }

    private List<IndexedVector> vectors(int n) {
        List<IndexedVector> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(new IndexedVector("t" + i, Tickets.randomUnitVector(random, DIMENSION), Tickets.facets("acme", "email")));
        }
        return all;
    }

    private static Set<String> ids(List<Neighbor> neighbors) {
        Set<String> ids = new HashSet<>();
        neighbors.forEach(n -> ids.add(n.ticketId()));
        return ids;
    }
}
