package omega.triage.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import omega.triage.api.Evidence;

class EvidenceParserTest {

    @Test
    void readsTheLocalTitansNearestExamples() {
        List<Evidence> evidence = EvidenceParser.parse("category",
                "nearest training examples: #H-17 (network, 0.83); 'vpn drops (again), help…' (email, 0.79); #X (4, -0.10)");
        assertEquals(List.of(new Evidence("category", "#H-17", "network", 0.83),
                new Evidence("category", "'vpn drops (again), help…'", "email", 0.79),
                new Evidence("category", "#X", "4", -0.10)), evidence);
    }

    @Test
    void anyOtherExplanationGivesNoEvidence() {
        assertTrue(EvidenceParser.parse("category", "cold start: no model").isEmpty());
        assertTrue(EvidenceParser.parse("category", null).isEmpty());
    }
}
