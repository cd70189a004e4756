package omega.triage.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import omega.context.api.MatchReason;
import omega.context.api.SimilarTicket;
import omega.platform.api.JsonBody;

/** Stored decisions (JSON) round-trip with their similar tickets, and decisions stored before them still read. */
class DecisionJsonTest {

    @Test
    void similarTicketsRoundTripAndOldDecisionsHaveNone() {
        SimilarTicket similar = new SimilarTicket("history:OUT-1", "Outlook asks", Map.of("category", "email"),
                "Cleared the cache", "Acme", "email", "RESOLVED", "2026-10-01T10:00:00Z", 0.8,
                new MatchReason(0.6, 0.1, 0.1, 0.86, List.of("outlook")));
        Decision decision = new Decision("d1", 3, Instant.parse("2026-12-01T00:00:00Z"), false, Map.of(), List.of(),
                List.of(), Map.of(), null, Map.of()).withSimilarTickets(List.of(similar));
        Decision read = JsonBody.parse(JsonBody.write(decision), Decision.class);
        assertEquals(decision, read);
        assertEquals(List.of("outlook"), read.similarTickets().get(0).why().matchedTerms());

        String before = JsonBody.write(decision.withSimilarTickets(null));
        assertNull(JsonBody.parse(before, Decision.class).similarTickets());
        assertEquals(Map.of("category", "x"), JsonBody.parse("{\"labels\":{\"category\":\"x\"}}", Feedback.class)
                .labels());
        assertEquals("fixed", JsonBody.parse("{\"labels\":{},\"resolution\":\"fixed\"}", Feedback.class).resolution());
    }
}
