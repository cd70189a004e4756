package omega.platform.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RecentVectorsTest {

    @Test
    void keepsTheMostRecentlyUsedTextsUpToItsCapacity() {
        RecentVectors recent = new RecentVectors(2);
        recent.put("a", new float[] {1});
        recent.put("b", new float[] {2});
        assertNotNull(recent.get("a"));           // "a" is now the most recently used
        recent.put("c", new float[] {3});          // so "b" goes
        assertNull(recent.get("b"));
        assertArrayEquals(new float[] {1}, recent.get("a"));
        assertArrayEquals(new float[] {3}, recent.get("c"));
        assertEquals(2, recent.size());
    }

    @Test
    void handsOutCopiesSoNoCallerChangesAnothersVector() {
        RecentVectors recent = new RecentVectors(4);
        float[] stored = {1, 2};
        recent.put("t", stored);
        stored[0] = 9;
        float[] first = recent.get("t");
        first[1] = 7;
        assertArrayEquals(new float[] {1, 2}, recent.get("t"));
    }

    @Test
    void capacityZeroKeepsNothing() {
        RecentVectors recent = new RecentVectors(0);
        recent.put("t", new float[] {1});
        assertNull(recent.get("t"));
        assertEquals(0, recent.size());
    }
}
