package omega.triage.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import omega.titans.api.Alternative;
import omega.titans.api.Tier;
import omega.titans.api.TitanAnswer;
import omega.triage.api.LabelDecision;

class PantheonTest {

    static TitanAnswer answer(String titan, Tier tier, Alternative... alternatives) {
        return new TitanAnswer(alternatives[0].value(), alternatives[0].confidence(), List.of(alternatives), titan, "v1",
                tier, "nearest training examples: #T-1 (network, 0.91)");
    }

    @Test
    void theLocalTitanAloneDecidesAlone() {
        TitanAnswer local = answer("local", Tier.AUTO, new Alternative("network", 0.93), new Alternative("email", 0.07));
        LabelDecision d = Pantheon.combine("category", List.of(local), Map.of()).decision();
        assertEquals("network", d.value());
        assertEquals(0.93, d.confidence());
        assertEquals(Tier.AUTO, d.tier());
        assertEquals(List.of("local"), d.titans());
    }

    @Test
    void agreementRaisesConfidenceAndKeepsTheLocalTier() {
        TitanAnswer local = answer("local", Tier.CONFIRM, new Alternative("network", 0.7), new Alternative("email", 0.3));
        TitanAnswer gpt = answer("openai", Tier.CONFIRM, new Alternative("network", 0.8), new Alternative("email", 0.2));
        Pantheon.Outcome o = Pantheon.combine("category", List.of(local, gpt), Map.of("local", 0.9, "openai", 0.9));
        assertEquals("network", o.decision().value());
        assertTrue(o.decision().confidence() > 0.8, "two agreeing titans are surer than either: " + o.decision());
        assertEquals(Tier.CONFIRM, o.decision().tier());
        assertEquals(List.of("local", "openai"), o.decision().titans());
        assertTrue(o.votes().stream().allMatch(v -> v.agreed()));
    }

    @Test
    void disagreementLowersConfidenceAndNeverGivesAuto() {
        TitanAnswer local = answer("local", Tier.AUTO, new Alternative("network", 0.9), new Alternative("email", 0.1));
        TitanAnswer gpt = answer("openai", Tier.CONFIRM, new Alternative("email", 0.9), new Alternative("network", 0.1));
        Pantheon.Outcome o = Pantheon.combine("category", List.of(local, gpt), Map.of("local", 0.9, "openai", 0.5));
        assertEquals("network", o.decision().value(), "the more accurate titan wins");
        assertTrue(o.decision().confidence() < 0.9, o.decision().toString());
        assertTrue(o.decision().tier() != Tier.AUTO);
        assertTrue(o.decision().reason().contains("disagree"));
        assertEquals(List.of("local"), o.decision().titans());
    }

    @Test
    void nobodyDecidingIsManualWithTheReason() {
        TitanAnswer cold = TitanAnswer.undecided("local", null, "cold start: no model for queue");
        LabelDecision d = Pantheon.combine("queue", List.of(cold), Map.of()).decision();
        assertNull(d.value());
        assertEquals(Tier.MANUAL, d.tier());
        assertEquals("cold start: no model for queue", d.reason());
    }
}
