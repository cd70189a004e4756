package omega.context.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import omega.context.api.ResolvedTicket;
import omega.context.api.SearchFilter;
import omega.context.api.SearchHit;
import omega.context.api.SearchQuery;
import omega.platform.api.ProblemException;
import omega.platform.api.TicketNormalized;

class HybridRetrieverTest {

    @TempDir
    Path root;

    @Test
    void scoreIsTheSumOfTheWeightedContributionsAndWhyNamesTheMatchedWords() {
        try (MemoryFixture fixture = new MemoryFixture(root, 1000)) {
            fixture.memory.rememberAll(ContextMemoryTest.tickets("acme", 30));
            List<SearchHit> hits = fixture.memory.search(new SearchQuery("acme", "Printers offline again", 10));
            assertEquals(10, hits.size());
            for (SearchHit hit : hits) {
                var why = hit.why();
                assertEquals(hit.score(), why.vector() + why.keyword() + why.recency(), 1e-9);
                assertEquals(0.7 * Math.max(0, why.similarity()), why.vector(), 1e-6);
                assertTrue(why.keyword() >= 0 && why.keyword() <= 0.2 + 1e-9);
            }
            SearchHit best = hits.get(0);
            assertTrue(best.ticket().text().contains("printer offline"));
            assertEquals(List.of("printers", "offline"), best.why().matchedTerms());
            assertEquals(0.2, best.why().keyword(), 1e-9, "the best keyword match gets the full keyword weight");
            for (int i = 1; i < hits.size(); i++) {
                assertTrue(hits.get(i - 1).score() >= hits.get(i).score());
            }
        }
    }

    @Test
    void aRareExactTermLiftsTheTicketThatHasIt() {
        try (MemoryFixture fixture = new MemoryFixture(root, 1000)) {
            for (int i = 0; i < 20; i++) {
                fixture.memory.remember(Tickets.ticket("acme", "p" + i, "windows update fails after restart on laptop " + i));
            }
            fixture.memory.remember(Tickets.ticket("acme", "code", "update fails with 0x80070005"));
            SearchHit first = fixture.memory.search(new SearchQuery("acme", "windows update error 0x80070005", 5)).get(0);
            assertEquals("code", first.ticket().ticketId());
            assertTrue(first.why().matchedTerms().contains("0x80070005"));
        }
    }

    @Test
    void ofTwoEqualTicketsTheNewerRanksFirst() {
        try (MemoryFixture fixture = new MemoryFixture(root, 1000)) {
            fixture.memory.remember(Tickets.ticket("acme", "old", "mailbox full", "Acme", "email", "a@x.example",
                    Tickets.NOW.minus(Duration.ofDays(720))));
            fixture.memory.remember(Tickets.ticket("acme", "new", "mailbox full", "Acme", "email", "a@x.example",
                    Tickets.NOW.minus(Duration.ofDays(1))));
            List<SearchHit> hits = fixture.memory.search(new SearchQuery("acme", "mailbox full", 2));
            assertEquals(List.of("new", "old"), ContextMemoryTest.ids(hits));
            assertEquals(hits.get(0).why().vector(), hits.get(1).why().vector(), 1e-6);
            assertEquals(0.1 * Math.pow(0.5, 1 / 180.0), hits.get(0).why().recency(), 1e-6);
            assertEquals(0.1 * Math.pow(0.5, 4), hits.get(1).why().recency(), 1e-6);
        }
    }

    @Test
    void filtersRestrictByClientCategoryAndStatus() {
        try (MemoryFixture fixture = new MemoryFixture(root, 1000)) {
            fixture.memory.remember(Tickets.ticket("acme", "a", "printer jam", "Acme", "hardware", "r@x.example", Tickets.NOW));
            fixture.memory.remember(Tickets.ticket("acme", "b", "printer jam", "Globex", "hardware", "r@x.example", Tickets.NOW));
            fixture.memory.remember(Tickets.ticket("acme", "c", "printer jam", "Acme", "network", "r@x.example", Tickets.NOW));
            fixture.memory.remember(new ResolvedTicket("acme", "d", "printer jam", Map.of(), null, "Acme", "hardware",
                    "CLOSED", "r@x.example", Tickets.NOW));
            assertEquals(List.of("b"), search(fixture, new SearchFilter("Globex", null, null)));
            assertEquals(List.of("c"), search(fixture, new SearchFilter(null, "network", null)));
            assertEquals(List.of("a"), search(fixture, new SearchFilter("Acme", "hardware", "RESOLVED")));
            assertEquals(List.of("d"), search(fixture, new SearchFilter(null, null, "CLOSED")));
            assertEquals(List.of(), search(fixture, new SearchFilter("Initech", null, null)));
        }
    }

    @Test
    void similarToNeverReturnsTheTicketItself() {
        try (MemoryFixture fixture = new MemoryFixture(root, 1000)) {
            fixture.memory.rememberAll(ContextMemoryTest.tickets("acme", 20)); // t2 and t12 are about the printer
            List<SearchHit> hits = fixture.memory.similarTo(normalized("acme", "t2", "ticket2 printer", "offline"), 3);
            assertEquals(3, hits.size());
            assertFalse(ContextMemoryTest.ids(hits).contains("t2"));
            assertEquals("t12", hits.get(0).ticket().ticketId());
        }
    }

    @Test
    void weightsAreConfigurable() {
        RetrievalSettings vectorOnly = new RetrievalSettings(1, 0, 0, Duration.ofDays(30), 50);
        try (MemoryFixture fixture = new MemoryFixture(root, 1000, new HashingEmbeddings(), vectorOnly)) {
            fixture.memory.rememberAll(ContextMemoryTest.tickets("acme", 10));
            for (SearchHit hit : fixture.memory.search(new SearchQuery("acme", "vpn disconnects", 5))) {
                assertEquals(0, hit.why().keyword());
                assertEquals(0, hit.why().recency());
                assertEquals(Math.max(0, hit.why().similarity()), hit.score(), 1e-6);
            }
        }
    }

    @Test
    void invalidQueriesAreProblems() {
        assertEquals(400, assertThrows(ProblemException.class, () -> new SearchQuery("acme", "x", 0)).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> new SearchQuery("acme", " ", 5)).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> new SearchQuery("", "x", 5)).status());
    }

    private static List<String> search(MemoryFixture fixture, SearchFilter filter) {
        return ContextMemoryTest.ids(fixture.memory.search(new SearchQuery("acme", "printer jam", filter, 10)))
                .stream().sorted().toList();
    }

    static TicketNormalized normalized(String tenantId, String ticketId, String title, String body) {
        return new TicketNormalized(ticketId, tenantId, "zendesk", "ZD-" + ticketId, 1, null, title, body,
                "someone@acme.example", "Acme", Instant.now().toString(), null, null, "P3", null, "OPEN", null, null,
                Map.of(), null, null, null);
    }
}
