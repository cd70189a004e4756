package omega.triage.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.junit.jupiter.api.Test;

import omega.titans.api.Alternative;
import omega.titans.api.Tier;
import omega.triage.api.LabelDecision;

class StabilityTest {

    static LabelDecision decision(String value, double confidence, Tier tier, Alternative... alternatives) {
        return new LabelDecision(value, confidence, tier, List.of(alternatives), List.of("local"), null);
    }

    @Test
    void aSmallLeadOfAnotherValueKeepsThePreviousOne() {
        LabelDecision before = decision("network", 0.6, Tier.CONFIRM, new Alternative("network", 0.6));
        LabelDecision after = decision("email", 0.52, Tier.AUTO, new Alternative("email", 0.52), new Alternative("network", 0.45));
        LabelDecision kept = Stability.steady(before, after, 0.15);
        assertEquals("network", kept.value());
        assertEquals(0.45, kept.confidence());
        assertEquals(Tier.CONFIRM, kept.tier());
    }

    @Test
    void aClearLeadChangesTheValue() {
        LabelDecision before = decision("network", 0.6, Tier.CONFIRM, new Alternative("network", 0.6));
        LabelDecision after = decision("email", 0.8, Tier.AUTO, new Alternative("email", 0.8), new Alternative("network", 0.1));
        assertSame(after, Stability.steady(before, after, 0.15));
    }

    @Test
    void theSameValueOrNoPreviousDecisionIsTakenAsIs() {
        LabelDecision after = decision("email", 0.8, Tier.AUTO, new Alternative("email", 0.8));
        assertSame(after, Stability.steady(null, after, 0.15));
        assertSame(after, Stability.steady(decision("email", 0.7, Tier.CONFIRM, new Alternative("email", 0.7)), after, 0.15));
    }
}
