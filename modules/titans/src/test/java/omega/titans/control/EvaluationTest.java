package omega.titans.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import omega.titans.api.Tier;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static Evaluation.Outcome o(String truth, String predicted, double confidence, Tier tier) {
        return new Evaluation.Outcome(truth, predicted, confidence, tier);
    }

    // truth a a a b b c / predicted a a b b c c
    private static final List<Evaluation.Outcome> OUTCOMES = List.of(
            o("a", "a", 0.95, Tier.AUTO), o("a", "a", 0.85, Tier.CONFIRM), o("a", "b", 0.55, Tier.MANUAL),
            o("b", "b", 0.96, Tier.AUTO), o("b", "c", 0.65, Tier.CONFIRM), o("c", "c", 0.91, Tier.AUTO));

    @Test
    void accuracyPrecisionRecallAndMacroF1ByHand() {
        Evaluation evaluation = Evaluation.of(Set.of("a", "b", "c"), OUTCOMES);
        assertEquals(4 / 6.0, evaluation.accuracy(), 1e-12);
        Evaluation.ValueStats a = evaluation.perValue().get(0);
        Evaluation.ValueStats b = evaluation.perValue().get(1);
        Evaluation.ValueStats c = evaluation.perValue().get(2);
        assertEquals(List.of("a", "b", "c"), List.of(a.value(), b.value(), c.value()));
        assertEquals(1.0, a.precision(), 1e-12);
        assertEquals(2 / 3.0, a.recall(), 1e-12);
        assertEquals(0.8, a.f1(), 1e-12);
        assertEquals(0.5, b.precision(), 1e-12);
        assertEquals(0.5, b.recall(), 1e-12);
        assertEquals(0.5, c.precision(), 1e-12);
        assertEquals(1.0, c.recall(), 1e-12);
        assertEquals(2 / 3.0, c.f1(), 1e-12);
        assertEquals((0.8 + 0.5 + 2 / 3.0) / 3, evaluation.macroF1(), 1e-12);
    }

    @Test
    void aValueOfTheLabelSetThatNeverOccursCountsAsF1Zero() {
        Evaluation evaluation = Evaluation.of(Set.of("a", "b", "c", "d"), OUTCOMES);
        assertEquals((0.8 + 0.5 + 2 / 3.0) / 4, evaluation.macroF1(), 1e-12);
        assertEquals(4, evaluation.perValue().size());
    }

    @Test
    void majorityBaselineMatchesTheDatasetReferenceArithmetic() {
        // always "4" with 714 of 1087 right, over 9 values: the README's 0.657 / 0.088
        List<Evaluation.Outcome> outcomes = new java.util.ArrayList<>();
        for (int i = 0; i < 1087; i++) {
            outcomes.add(o(i < 714 ? "4" : "5", "4", 1, null));
        }
        Evaluation evaluation = Evaluation.of(Set.of("1", "4", "5", "6", "7", "8", "9", "11", "12"), outcomes);
        assertEquals(0.657, evaluation.accuracy(), 0.0005);
        assertEquals(0.088, evaluation.macroF1(), 0.0005);
    }

    @Test
    void tiersReportCoverageAndPrecision() {
        Evaluation evaluation = Evaluation.of(Set.of("a", "b", "c"), OUTCOMES);
        Evaluation.TierStats auto = evaluation.tier(Tier.AUTO);
        assertEquals(3, auto.count());
        assertEquals(0.5, auto.coverage(), 1e-12);
        assertEquals(1.0, auto.precision(), 1e-12);
        assertEquals(0.5, evaluation.tier(Tier.CONFIRM).precision(), 1e-12);
        assertEquals(0.0, evaluation.tier(Tier.MANUAL).precision(), 1e-12);
        assertEquals(1 / 6.0, evaluation.tier(Tier.MANUAL).coverage(), 1e-12);
    }

    @Test
    void reliabilityBinsAndExpectedCalibrationErrorByHand() {
        Reliability reliability = Evaluation.of(Set.of("a", "b", "c"), OUTCOMES).reliability();
        assertEquals(10, reliability.bins().size());
        Reliability.Bin top = reliability.bins().get(9); // 0.95, 0.96, 0.91: all right
        assertEquals(3, top.count());
        assertEquals((0.95 + 0.96 + 0.91) / 3, top.meanConfidence(), 1e-12);
        assertEquals(1.0, top.accuracy(), 1e-12);
        assertEquals(1, reliability.bins().get(8).count()); // 0.85 right
        assertEquals(1, reliability.bins().get(6).count()); // 0.65 wrong
        assertEquals(1, reliability.bins().get(5).count()); // 0.55 wrong
        double ece = 3 / 6.0 * (1 - (0.95 + 0.96 + 0.91) / 3) + 1 / 6.0 * (1 - 0.85) + 1 / 6.0 * 0.65 + 1 / 6.0 * 0.55;
        assertEquals(ece, reliability.ece(), 1e-12);
        assertEquals(0.0, Reliability.of(List.of(new Reliability.Point(1.0, true))).ece(), 1e-12);
    }
}
