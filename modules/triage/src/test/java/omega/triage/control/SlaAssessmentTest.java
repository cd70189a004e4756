package omega.triage.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import omega.triage.api.SlaRisk;

class SlaAssessmentTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final Map<String, Duration> TARGETS = Map.of("P1", Duration.ofHours(4), "P3", Duration.ofHours(24));

    @Test
    void theSourcesDueTimeAgainstRecentHandling() {
        SlaRisk risk = SlaAssessment.assess("P3", NOW.plusSeconds(3600), NOW, NOW, Duration.ofHours(2),
                Duration.ofMinutes(120), TARGETS);
        assertTrue(risk.atRisk());
        assertEquals(120, risk.expectedHandlingMinutes());
        assertTrue(risk.basis().contains("source's SLA") && risk.basis().contains("recent median"));
    }

    @Test
    void thePriorityTargetWhenTheSourceHasNoDueTime() {
        SlaRisk p1 = SlaAssessment.assess("P1", null, NOW.minusSeconds(3 * 3600), NOW, null, Duration.ofMinutes(120), TARGETS);
        assertTrue(p1.atRisk(), "created 3 h ago, 4 h target, 2 h handling");
        assertEquals("2026-11-22T11:00:00Z", p1.dueAt());
        SlaRisk p3 = SlaAssessment.assess("P3", null, NOW, NOW, null, Duration.ofMinutes(120), TARGETS);
        assertFalse(p3.atRisk());
    }

    @Test
    void noDueTimeAtAllIsNotAtRisk() {
        SlaRisk none = SlaAssessment.assess(null, null, NOW, NOW, null, Duration.ofMinutes(120), TARGETS);
        assertFalse(none.atRisk());
        assertNull(none.dueAt());
    }
}
