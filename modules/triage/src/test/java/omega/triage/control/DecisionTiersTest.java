package omega.triage.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import omega.titans.api.Tier;
import omega.triage.api.Decision;
import omega.triage.api.LabelDecision;

/** What the queue's tier filter and the confirmations list read from a decision. */
class DecisionTiersTest {

    static LabelDecision label(String value, Tier tier) {
        return new LabelDecision(value, value == null ? 0 : 0.8, tier, List.of(), List.of("local"), null);
    }

    static Decision decision(Map<String, LabelDecision> labels) {
        return new Decision("d", 1, Instant.EPOCH, false, labels, List.of(), List.of(), Map.of(), null, Map.of());
    }

    @Test
    void theLowestTierIsTheLeastAutomaticLabel() {
        Map<String, LabelDecision> labels = new LinkedHashMap<>();
        labels.put("category", label("network", Tier.AUTO));
        assertEquals(Tier.AUTO, Decisions.lowestTier(decision(labels)));
        labels.put("queue", label("infrastructure", Tier.CONFIRM));
        assertEquals(Tier.CONFIRM, Decisions.lowestTier(decision(labels)));
        labels.put("priority", label(null, Tier.MANUAL));
        assertEquals(Tier.MANUAL, Decisions.lowestTier(decision(labels)));
        assertEquals(Tier.MANUAL, Decisions.lowestTier(decision(Map.of())), "no labels: a person decides");
    }

    @Test
    void onlyDecidedAutoAndConfirmLabelsWaitForAPerson() {
        Map<String, LabelDecision> labels = new LinkedHashMap<>();
        labels.put("category", label("network", Tier.AUTO));
        labels.put("queue", label("infrastructure", Tier.CONFIRM));
        labels.put("priority", label("P2", Tier.MANUAL));
        labels.put("assignee", label(null, Tier.MANUAL));
        assertEquals(List.of("category", "queue"), List.copyOf(Decisions.awaitingLabels(decision(labels)).keySet()));
        Map<String, LabelDecision> cold = Map.of("category", label(null, Tier.MANUAL));
        assertEquals(Map.of(), Decisions.awaitingLabels(decision(cold)), "a cold start asks nobody to confirm");
    }
}
