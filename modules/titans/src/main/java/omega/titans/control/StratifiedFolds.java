package omega.titans.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Assigns each example to one of k folds so that every class is spread over the folds as evenly as its count
 * allows (a seeded shuffle within each class, then dealt round-robin, each class continuing where the last one
 * stopped so the folds stay the same size).
 */
final class StratifiedFolds {

    private StratifiedFolds() {
    }

    /** @return the fold (0..k-1) of each example, in the order of {@code values} */
    static int[] assign(List<String> values, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("k-fold needs k >= 2: " + k);
        }
        Map<String, List<Integer>> byValue = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            byValue.computeIfAbsent(values.get(i), v -> new ArrayList<>()).add(i);
        }
        Random random = new Random(seed);
        int[] folds = new int[values.size()];
        int next = 0;
        for (List<Integer> members : byValue.values()) {
            Collections.shuffle(members, random);
            for (int index : members) {
                folds[index] = next;
                next = (next + 1) % k;
            }
        }
        return folds;
    }
}
