package omega.platform.control;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Python's {@code random.Random(seed).shuffle(list(range(n)))}, bit for bit (CPython's MT19937 seeded by
 * {@code init_by_array}, {@code _randbelow} by rejection on {@code getrandbits}, Fisher–Yates from the end), so the
 * evaluation uses exactly the split of the dataset's reference figures. Shared through the platform test-jar
 * (titans evaluation, context retrieval benchmark), so both use the same 1,087 held-out tickets.
 */
public final class PythonShuffle {

    private final int[] mt = new int[624];
    private int index;

    /** @param seed a non-negative seed below 2^32 (Python splits larger ints into 32-bit words) */
    PythonShuffle(long seed) {
        initByArray(new int[] {(int) seed});
    }

    public static List<Integer> permutation(int n, long seed) {
        PythonShuffle random = new PythonShuffle(seed);
        int[] x = IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = random.below(i + 1);
            int t = x[i];
            x[i] = x[j];
            x[j] = t;
        }
        return IntStream.of(x).boxed().toList();
    }

    int below(int n) {
        int k = 32 - Integer.numberOfLeadingZeros(n);
        int r = bits(k);
        while (r >= n) {
            r = bits(k);
        }
        return r;
    }

    private int bits(int k) {
        return (int) ((next() & 0xFFFFFFFFL) >>> (32 - k));
    }

    private void initGenrand(int s) {
        mt[0] = s;
        for (int i = 1; i < 624; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = 624;
    }

    private void initByArray(int[] key) {
        initGenrand(19650218);
        int i = 1;
        int j = 0;
        for (int k = Math.max(624, key.length); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= 624) {
                mt[0] = mt[623];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = 623; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= 624) {
                mt[0] = mt[623];
                i = 1;
            }
        }
        mt[0] = 0x80000000;
    }

    private int next() {
        if (index >= 624) {
            for (int k = 0; k < 624; k++) {
                int y = (mt[k] & 0x80000000) | (mt[(k + 1) % 624] & 0x7fffffff);
                mt[k] = mt[(k + 397) % 624] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            }
            index = 0;
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }
}
