package omega.titans.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class StratifiedFoldsTest {

    @Test
    void everyValueIsSpreadEvenlyAndFoldsHaveEqualSizes() {
        List<String> values = new ArrayList<>();
        values.addAll(Collections.nCopies(103, "big"));
        values.addAll(Collections.nCopies(12, "small"));
        values.addAll(Collections.nCopies(2, "tiny"));
        Collections.shuffle(values, new java.util.Random(1));
        int[] folds = StratifiedFolds.assign(values, 5, 42);
        for (String value : List.of("big", "small", "tiny")) {
            int[] perFold = new int[5];
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i).equals(value)) {
                    perFold[folds[i]]++;
                }
            }
            int min = java.util.Arrays.stream(perFold).min().orElseThrow();
            int max = java.util.Arrays.stream(perFold).max().orElseThrow();
            assertTrue(max - min <= 1, value + " " + java.util.Arrays.toString(perFold));
        }
        int[] sizes = new int[5];
        for (int fold : folds) {
            sizes[fold]++;
        }
        assertTrue(java.util.Arrays.stream(sizes).max().orElseThrow() - java.util.Arrays.stream(sizes).min().orElseThrow() <= 1);
        assertArrayEquals(folds, StratifiedFolds.assign(values, 5, 42), "seeded: the same folds again");
        assertThrows(IllegalArgumentException.class, () -> StratifiedFolds.assign(values, 1, 42));
    }
}
