package omega.triage.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TargetPrecisionTest {

    @Test
    void theTenantsOwnTargetWinsOverTheGlobalOne() {
        Map<String, Double> config = Map.of("triage.target-precision", 0.9, "triage.tenant.acme.target-precision", 0.99);

        assertEquals(0.99, Training.targetPrecision(k -> Optional.ofNullable(config.get(k)), "acme"));
        assertEquals(0.9, Training.targetPrecision(k -> Optional.ofNullable(config.get(k)), "other"));
    }

    @Test
    void withoutConfigurationTheDefaultIs095() {
        assertEquals(0.95, Training.targetPrecision(k -> Optional.empty(), "acme"));
    }

    @Test
    void aTargetOutsideZeroToOneIsRefusedNamingTheKey() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Training.targetPrecision(
                k -> k.equals("triage.tenant.acme.target-precision") ? Optional.of(1.5) : Optional.empty(), "acme"));
        assertTrue(e.getMessage().contains("triage.tenant.acme.target-precision"), e.getMessage());
    }
}
