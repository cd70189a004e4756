package omega.context.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;

/** The k best (slot, score) pairs seen so far, in a bounded min-heap on primitive arrays. */
final class TopK {

    private final int[] slots;
    private final float[] scores;
    private int size;

    TopK(int k) {
        slots = new int[k];
        scores = new float[k];
    }

    /** @return the score a new pair must beat to enter, or -infinity while not full */
    float threshold() {
        return size < slots.length ? Float.NEGATIVE_INFINITY : scores[0];
    }

    void offer(int slot, float score) {
        if (slots.length == 0) {
            return;
        }
        if (size < slots.length) {
            slots[size] = slot;
            scores[size] = score;
            up(size++);
        } else if (score > scores[0]) {
            slots[0] = slot;
            scores[0] = score;
            down(0);
        }
    }

    /** @return the pairs best first, named by {@code ids} */
    List<Neighbor> best(IntFunction<String> ids) {
        List<Neighbor> best = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            best.add(new Neighbor(ids.apply(slots[i]), scores[i]));
        }
        best.sort(Comparator.comparingDouble(Neighbor::similarity).reversed());
        return best;
    }

    private void up(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (scores[i] >= scores[parent]) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void down(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int smallest = left + 1 < size && scores[left + 1] < scores[left] ? left + 1 : left;
            if (scores[i] <= scores[smallest]) {
                return;
            }
            swap(i, smallest);
            i = smallest;
        }
    }

    private void swap(int a, int b) {
        int slot = slots[a];
        slots[a] = slots[b];
        slots[b] = slot;
        float score = scores[a];
        scores[a] = scores[b];
        scores[b] = score;
    }
}
