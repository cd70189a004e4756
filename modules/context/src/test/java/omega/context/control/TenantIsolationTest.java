package omega.context.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import omega.context.api.ResolvedTicket;
import omega.context.api.SearchHit;
import omega.context.api.SearchQuery;

/** A search never returns another tenant's ticket, whatever the index kind, even for identical ids and text. */
class TenantIsolationTest {

    @TempDir
    Path root;

    @ParameterizedTest(name = "hnsw threshold {0}")
    @ValueSource(ints = {1000, 5})
    void searchesStayInsideTheTenant(int threshold) {
        try (MemoryFixture fixture = new MemoryFixture(root, threshold)) {
            List<ResolvedTicket> shared = ContextMemoryTest.tickets("acme", 12);
            fixture.memory.rememberAll(shared);
            fixture.memory.rememberAll(ContextMemoryTest.tickets("globex", 12)); // same ids, same texts
            fixture.memory.remember(Tickets.ticket("globex", "secret", "globex merger sharepoint xylophone",
                    "Globex", "files", "ceo@globex.example", Tickets.NOW));

            List<SearchHit> hits = new ArrayList<>();
            hits.addAll(fixture.memory.search(new SearchQuery("acme", "globex merger sharepoint xylophone", 50)));
            hits.addAll(fixture.memory.search(new SearchQuery("acme", "printer offline", 50)));
            hits.addAll(fixture.memory.similarTo(
                    HybridRetrieverTest.normalized("acme", null, "globex merger", "xylophone"), 50));
            assertEquals(36, hits.size());
            assertTrue(hits.stream().allMatch(h -> h.ticket().tenantId().equals("acme")));
            assertTrue(hits.stream().noneMatch(h -> h.ticket().ticketId().equals("secret")));

            List<SearchHit> globex = fixture.memory.search(new SearchQuery("globex", "xylophone", 1));
            assertEquals("secret", globex.get(0).ticket().ticketId());
            assertEquals(13, fixture.memory.search(new SearchQuery("globex", "ticket", 50)).size());

            fixture.memory.eraseRequester("acme", "ceo@globex.example", "DSR-1");
            assertEquals("secret", fixture.memory.search(new SearchQuery("globex", "xylophone", 1)).get(0)
                    .ticket().ticketId(), "an erasure in one tenant leaves the other alone");
        }
    }

    @Test
    void tenantIdsCannotShareOrEscapeAFolder() {
        Path base = root.resolve("index");
        assertNotEquals(TenantFolder.of(base, "globex"), TenantFolder.of(base, "../globex"));
        assertEquals(base, TenantFolder.of(base, "../../x").getParent());
        assertEquals(base, TenantFolder.of(base, "a/b").getParent());
        assertNotEquals(TenantFolder.of(base, "Acme"), TenantFolder.of(base, "acme"));
    }
}
