package omega.triage.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import omega.titans.api.Tier;

class TierOverridesTest {

    static TierOverrides with(Map<String, Double> config) {
        return new TierOverrides(key -> Optional.ofNullable(config.get(key)));
    }

    @Test
    void withoutConfigurationTheLearnedTierStands() {
        assertEquals(Tier.CONFIRM, with(Map.of()).apply("acme", "category", "network", 0.99, Tier.CONFIRM));
        assertEquals(Tier.MANUAL, with(Map.of()).apply("acme", "category", null, 0, Tier.MANUAL));
    }

    @Test
    void theMostSpecificThresholdWins() {
        TierOverrides overrides = with(Map.of("triage.threshold.auto", 0.99, "triage.threshold.acme.category.network.auto", 0.8,
                "triage.threshold.acme.category.confirm", 0.5));
        assertEquals(Tier.AUTO, overrides.apply("acme", "category", "network", 0.85, Tier.CONFIRM));
        assertEquals(Tier.CONFIRM, overrides.apply("acme", "category", "email", 0.85, Tier.AUTO), "global 0.99 applies");
        assertEquals(Tier.MANUAL, overrides.apply("acme", "category", "email", 0.4, Tier.CONFIRM), "confirm 0.5");
        assertEquals(Tier.CONFIRM, overrides.apply("other", "category", "email", 0.4, Tier.CONFIRM));
    }
}
