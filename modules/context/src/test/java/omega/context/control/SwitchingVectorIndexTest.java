package omega.context.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import omega.context.api.SearchFilter;

class SwitchingVectorIndexTest {

    @TempDir
    Path folder;

    @Test
    void movesToHnswWhenAWriteCrossesTheThreshold() {
        Random random = new Random(1);
        List<IndexedVector> all = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            all.add(new IndexedVector("t" + i, Tickets.randomUnitVector(random, 32), Tickets.facets("acme", "email")));
        }
        try (SwitchingVectorIndex index = SwitchingVectorIndex.exact(32, 50,
                () -> new HnswVectorIndex(folder, "m", 32, HnswSettings.DEFAULTS))) {
            index.putAll(all.subList(0, 50));
            assertEquals("exact", index.kind());
            index.putAll(all.subList(50, 60));
            assertEquals("hnsw", index.kind());
            assertEquals(60, index.size());
            assertEquals("t7", index.nearest(all.get(7).vector(), 1, SearchFilter.NONE).get(0).ticketId());
            assertEquals("t55", index.nearest(all.get(55).vector(), 1, SearchFilter.NONE).get(0).ticketId());
        }
        assertEquals(true, HnswVectorIndex.existsIn(folder));
    }
}
