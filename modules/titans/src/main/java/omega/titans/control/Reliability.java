package omega.titans.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A reliability table: predictions binned by confidence into 10 equal-width bins, each bin's mean confidence
 * against its accuracy, and the expected calibration error ECE = Σ (n_bin / n) · |accuracy_bin − confidence_bin|.
 */
record Reliability(List<Bin> bins, double ece) {

    static final int BINS = 10;

    record Bin(double lower, double upper, int count, double meanConfidence, double accuracy) {
    }

    /** A prediction's confidence and whether it was right. */
    record Point(double confidence, boolean correct) {
    }

    static Reliability of(List<Point> points) {
        int[] count = new int[BINS];
        double[] confidence = new double[BINS];
        int[] correct = new int[BINS];
        for (Point p : points) {
            int bin = Math.min(BINS - 1, Math.max(0, (int) Math.floor(p.confidence() * BINS)));
            count[bin]++;
            confidence[bin] += p.confidence();
            correct[bin] += p.correct() ? 1 : 0;
        }
        List<Bin> bins = new ArrayList<>(BINS);
        double ece = 0;
        for (int b = 0; b < BINS; b++) {
            double meanConfidence = count[b] == 0 ? 0 : confidence[b] / count[b];
            double accuracy = count[b] == 0 ? 0 : (double) correct[b] / count[b];
            bins.add(new Bin((double) b / BINS, (double) (b + 1) / BINS, count[b], meanConfidence, accuracy));
            if (!points.isEmpty()) {
                ece += (double) count[b] / points.size() * Math.abs(accuracy - meanConfidence);
            }
        }
        return new Reliability(List.copyOf(bins), ece);
    }

    String markdown() {
        StringBuilder text = new StringBuilder("| confidence | n | mean confidence | accuracy |\n|---|---:|---:|---:|\n");
        for (Bin b : bins) {
            text.append(String.format(Locale.ROOT, "| %.1f–%.1f | %d | %s | %s |%n", b.lower(), b.upper(), b.count(),
                    b.count() == 0 ? "–" : String.format(Locale.ROOT, "%.3f", b.meanConfidence()),
                    b.count() == 0 ? "–" : String.format(Locale.ROOT, "%.3f", b.accuracy())));
        }
        return text.append(String.format(Locale.ROOT, "%nECE = %.4f%n", ece)).toString();
    }
}
