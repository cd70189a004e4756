package omega.titans.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import omega.titans.api.Tier;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TierThresholdsTest {

    /** Perfectly calibrated scores: confidence ~ U(0.3, 1), right with probability = confidence. */
    private static List<TierThresholds.Scored> calibrated(String value, int n, long seed) {
        Random random = new Random(seed);
        List<TierThresholds.Scored> scored = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double confidence = 0.3 + 0.7 * random.nextDouble();
            scored.add(new TierThresholds.Scored(value, confidence, random.nextDouble() < confidence));
        }
        return scored;
    }

    private static double precisionAbove(List<TierThresholds.Scored> scored, double threshold) {
        List<TierThresholds.Scored> above = scored.stream().filter(s -> s.confidence() >= threshold).toList();
        return (double) above.stream().filter(TierThresholds.Scored::correct).count() / above.size();
    }

    @Test
    void autoThresholdMeetsTheTargetPrecisionOnFreshDataAtTheWidestCoverage() {
        TierThresholds thresholds = TierThresholds.choose(calibrated("a", 20_000, 1));
        double auto = thresholds.autoThreshold("a");
        // precision of [t, 1] under calibration is (1 + t) / 2: 0.95 needs t = 0.90 exactly
        assertEquals(0.90, auto, 0.015);
        List<TierThresholds.Scored> fresh = calibrated("a", 20_000, 2);
        assertTrue(precisionAbove(fresh, auto) >= 0.94, "fresh precision " + precisionAbove(fresh, auto));
        double coverage = fresh.stream().filter(s -> s.confidence() >= auto).count() / 20_000.0;
        assertEquals(0.10 / 0.7, coverage, 0.02);
    }

    @Test
    void confirmCoversTheBandBelowAutoThatIsRightOftenEnough() {
        TierThresholds thresholds = TierThresholds.choose(calibrated("a", 20_000, 3), 0.95, 0.70);
        // the band [t, 0.9) has precision (t + 0.9) / 2: 0.70 needs t = 0.50
        assertEquals(0.50, thresholds.confirmThreshold(), 0.03);
        assertEquals(Tier.AUTO, thresholds.tier("a", 0.97));
        assertEquals(Tier.CONFIRM, thresholds.tier("a", 0.7));
        assertEquals(Tier.MANUAL, thresholds.tier("a", 0.4));
    }

    @Test
    void anUnreachablePrecisionNeverGivesAuto() {
        List<TierThresholds.Scored> coinFlips = new ArrayList<>();
        Random random = new Random(4);
        for (int i = 0; i < 1000; i++) {
            coinFlips.add(new TierThresholds.Scored("a", random.nextDouble(), random.nextBoolean()));
        }
        TierThresholds thresholds = TierThresholds.choose(coinFlips);
        assertEquals(Double.POSITIVE_INFINITY, thresholds.autoThreshold("a"));
        assertNotEquals(Tier.AUTO, thresholds.tier("a", 1.0));
        assertEquals(Double.POSITIVE_INFINITY, TierThresholds.widest(List.of(), 0.95));
    }

    @Test
    void aFewLuckyPredictionsDoNotOpenAuto() {
        List<TierThresholds.Scored> five = List.of(new TierThresholds.Scored("a", 0.99, true), new TierThresholds.Scored("a", 0.98, true),
                new TierThresholds.Scored("a", 0.97, true), new TierThresholds.Scored("a", 0.96, true), new TierThresholds.Scored("a", 0.95, true));
        assertEquals(Double.POSITIVE_INFINITY, TierThresholds.widest(five, 0.95), "5/6 < 0.95");
    }

    @Test
    void aValueWithEnoughDataGetsItsOwnThreshold() {
        List<TierThresholds.Scored> scored = new ArrayList<>(calibrated("noisy", 5_000, 5));
        Random random = new Random(6);
        for (int i = 0; i < 2_000; i++) {
            scored.add(new TierThresholds.Scored("clean", 0.3 + 0.7 * random.nextDouble(), true));
        }
        scored.add(new TierThresholds.Scored("rare", 0.99, true));
        TierThresholds thresholds = TierThresholds.choose(scored);
        assertTrue(thresholds.autoThreshold("clean") < 0.31, "clean " + thresholds.autoThreshold("clean"));
        assertEquals(0.90, thresholds.autoThreshold("noisy"), 0.03);
        assertEquals(Tier.AUTO, thresholds.tier("clean", 0.5));
        assertEquals(Tier.CONFIRM, thresholds.tier("noisy", 0.5));
        assertTrue(!thresholds.autoByValue().containsKey("rare"), "rare uses the label's threshold");
        assertTrue(precisionAbove(scored, thresholds.autoThreshold("rare")) >= 0.95);
    }

    @Test
    void survivesWriteAndRead() throws IOException {
        TierThresholds thresholds = TierThresholds.choose(calibrated("a", 500, 7));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        thresholds.write(new DataOutputStream(bytes));
        TierThresholds read = TierThresholds.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(thresholds.toString(), read.toString());
        assertEquals(thresholds.autoThreshold("a"), read.autoThreshold("a"));
        assertEquals(thresholds.confirmThreshold(), read.confirmThreshold());
    }

    @Test
    void aSaturatedConfidenceIsNotDemotedByRounding() {
        // an easy history: every held-out answer right at exactly 1.0, so both thresholds are 1.0
        List<TierThresholds.Scored> saturated = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            saturated.add(new TierThresholds.Scored("network", 1.0, true));
        }
        TierThresholds thresholds = TierThresholds.choose(saturated);

        assertEquals(1.0, thresholds.autoThreshold("network"));
        assertEquals(Tier.AUTO, thresholds.tier("network", 0.9999999999999997), "was MANUAL: confidence 1.0, tier MANUAL");
        assertEquals(Tier.MANUAL, thresholds.tier("network", 0.999));
    }
}
