package omega.context.control;

import java.util.Arrays;

/**
 * Measured durations of one operation: wall-clock time and the CPU time of the measuring thread. On a shared,
 * loaded machine the wall clock includes waiting for a core; the CPU time is what the operation itself costs.
 */
final class Latencies {

    private final long[] wall;
    private final long[] cpu;
    private int count;

    Latencies(int capacity) {
        wall = new long[capacity];
        cpu = new long[capacity];
    }

    void add(long wallNanos, long cpuNanos) {
        wall[count] = wallNanos;
        cpu[count] = cpuNanos;
        count++;
    }

    static double percentileMillis(long[] values, int count, double p) {
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))] / 1e6;
    }

    /** @return "wall P50 / P95 · CPU P50 / P95" in milliseconds */
    String summary() {
        return String.format("%.2f / %.2f · CPU %.2f / %.2f", percentileMillis(wall, count, 50),
                percentileMillis(wall, count, 95), percentileMillis(cpu, count, 50), percentileMillis(cpu, count, 95));
    }
}
