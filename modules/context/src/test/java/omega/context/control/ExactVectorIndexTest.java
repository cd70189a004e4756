package omega.context.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import omega.context.api.SearchFilter;

class ExactVectorIndexTest {

    private static final int DIMENSION = 48;

    private final Random random = new Random(7);

    @Test
    void nearestIsTheBruteForceTopKInOrder() {
        ExactVectorIndex index = new ExactVectorIndex(DIMENSION);
        List<IndexedVector> all = vectors(3000); // beyond the initial capacity, so the arrays grow
        index.putAll(all);
        for (int q = 0; q < 20; q++) {
            float[] query = Tickets.randomUnitVector(random, DIMENSION);
            List<String> expected = all.stream()
                    .sorted(Comparator.comparingDouble((IndexedVector v) -> UnitVectors.dot(query, v.vector())).reversed())
                    .limit(10).map(IndexedVector::ticketId).toList();
            List<Neighbor> found = index.nearest(query, 10, SearchFilter.NONE);
            assertEquals(expected, found.stream().map(Neighbor::ticketId).toList());
            for (int i = 1; i < found.size(); i++) {
                assertTrue(found.get(i - 1).similarity() >= found.get(i).similarity());
            }
        }
    }

    @Test
    void filterKeepsOnlyAcceptedFacets() {
        ExactVectorIndex index = new ExactVectorIndex(DIMENSION);
        List<IndexedVector> all = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            all.add(new IndexedVector("t" + i, Tickets.randomUnitVector(random, DIMENSION),
                    Tickets.facets(i % 2 == 0 ? "acme" : "globex", i % 3 == 0 ? "network" : "email")));
        }
        index.putAll(all);
        List<Neighbor> found = index.nearest(Tickets.randomUnitVector(random, DIMENSION), 200,
                new SearchFilter("acme", "network", null));
        Set<String> expected = IntStream.range(0, 200).filter(i -> i % 2 == 0 && i % 3 == 0)
                .mapToObj(i -> "t" + i).collect(java.util.stream.Collectors.toSet());
        assertEquals(expected, found.stream().map(Neighbor::ticketId).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void removalForgetsTheVectorAndKeepsTheOthersFindable() {
        ExactVectorIndex index = new ExactVectorIndex(DIMENSION);
        List<IndexedVector> all = vectors(50);
        index.putAll(all);
        index.removeAll(List.of("t0", "t10", "unknown"));
        assertEquals(48, index.size());
        assertTrue(Float.isNaN(index.similarity("t0", all.get(0).vector())));
        List<Neighbor> self = index.nearest(all.get(49).vector(), 1, SearchFilter.NONE);
        assertEquals("t49", self.get(0).ticketId(), "the moved last slot is still found");
        assertEquals(1.0f, self.get(0).similarity(), 1e-5);
        assertFalse(index.ticketIds().contains("t10"));
        assertFalse(index.nearest(all.get(0).vector(), 48, SearchFilter.NONE).stream()
                .anyMatch(n -> n.ticketId().equals("t0")));
    }

    @Test
    void putReplacesTheSameTicket() {
        ExactVectorIndex index = new ExactVectorIndex(DIMENSION);
        float[] first = Tickets.randomUnitVector(random, DIMENSION);
        float[] second = Tickets.randomUnitVector(random, DIMENSION);
        index.putAll(List.of(new IndexedVector("t", first, Tickets.facets("acme", "email"))));
        index.putAll(List.of(new IndexedVector("t", second, Tickets.facets("acme", "email"))));
        assertEquals(1, index.size());
        assertEquals(1.0f, index.similarity("t", second), 1e-5);
    }

    private List<IndexedVector> vectors(int n) {
        List<IndexedVector> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(new IndexedVector("t" + i, Tickets.randomUnitVector(random, DIMENSION), Tickets.facets("acme", "email")));
        }
        return all;
    }
}
