package omega.context.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import omega.context.api.ErasureReceipt;
import omega.context.api.SearchQuery;
import omega.context.api.WorkingKey;
import omega.context.api.WorkingScope;
import omega.platform.api.ProblemException;

class ErasureTest {

    private static final String ANN = "Ann.Lee@acme.example";

    @TempDir
    Path root;

    @ParameterizedTest(name = "hnsw threshold {0}")
    @ValueSource(ints = {1000, 5})
    void erasedTicketsCannotBeFoundAnywhereAndTheAuditHoldsNoPersonalData(int threshold) throws IOException {
        try (MemoryFixture fixture = new MemoryFixture(root, threshold)) {
            fixture.memory.rememberAll(ContextMemoryTest.tickets("acme", 10));
            for (int i = 0; i < 3; i++) {
                fixture.memory.remember(Tickets.ticket("acme", "ann" + i, "zanzibar quokka badge reader " + i, "Acme",
                        "access", ANN, Tickets.NOW));
            }
            WorkingKey draft = new WorkingKey("acme", WorkingScope.TICKET, "ann1", "draft");
            WorkingKey session = new WorkingKey("acme", WorkingScope.SESSION, "tech-7", "recent-views");
            fixture.memory.put(draft, "{\"reply\":\"Dear Ann\"}");
            fixture.memory.put(session, "[\"ann1\"]");
            assertEquals(3, fixture.memory.search(new SearchQuery("acme", "zanzibar quokka", 3)).stream()
                    .filter(h -> h.ticket().ticketId().startsWith("ann")).count());

            ErasureReceipt receipt = fixture.memory.eraseRequester("acme", "  ann.lee@ACME.example", "DSR-2026-17");

            assertEquals(3, receipt.ticketsErased());
            assertEquals(List.of("ann0", "ann1", "ann2"), receipt.ticketIds().stream().sorted().toList());
            assertNoAnnTicketIn(fixture);
            TenantIndex index = fixture.memory.index("acme");
            assertEquals(0, index.keywords().documentFrequency("quokka"), "terms merged out of the keyword index");
            assertEquals(0, index.keywords().deletedButPresent());
            if (index.vectors().kind().equals("hnsw")) {
                assertEquals(0, ((HnswVectorIndex) ((SwitchingVectorIndex) index.vectors()).current()).deletedButPresent(),
                        "vectors merged out of the HNSW files");
            }
            assertTrue(Float.isNaN(index.vectors().similarity("ann0", fixture.embeddings.embed("zanzibar quokka"))));
            Path log = TenantFolder.of(root.resolve("store"), "acme").resolve("tickets.log");
            assertFalse(FileMemoryStoreTest.contains(log, "zanzibar"));
            assertFalse(FileMemoryStoreTest.contains(log, ANN));
            assertEquals(Optional.empty(), fixture.memory.get(draft), "the tickets' working memory is gone");
            assertEquals(Optional.of("[\"ann1\"]"), fixture.memory.get(session), "sessions are the employee's");

            List<ErasureAudit> audits = fixture.store.erasures("acme");
            assertEquals(1, audits.size());
            assertEquals(receipt.auditId(), audits.get(0).id());
            assertEquals("DSR-2026-17", audits.get(0).reference());
            assertEquals(3, audits.get(0).ticketsErased());
            String auditFile = Files.readString(TenantFolder.of(root.resolve("store"), "acme").resolve("erasures.tsv"));
            for (String personal : List.of("ann", "Ann", "ACME.example", "zanzibar", "quokka", "ann0")) {
                assertFalse(audits.get(0).toString().contains(personal), personal);
                assertFalse(auditFile.contains(personal), personal);
            }
            assertEquals(10, fixture.memory.search(new SearchQuery("acme", "ticket", 20)).size(), "others remain");
        }
        try (MemoryFixture fixture = new MemoryFixture(root, threshold)) {
            assertNoAnnTicketIn(fixture); // nothing comes back after a restart
            assertEquals(0, fixture.memory.eraseRequester("acme", ANN, "DSR-2026-17-retry").ticketsErased());
            assertEquals(2, fixture.store.erasures("acme").size());
        }
    }

    @ParameterizedTest(name = "reference {0}")
    @ValueSource(strings = {"ann.lee@acme.example", "Ann Lee", "", "DSR-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789"})
    void aReferenceThatCouldBePersonalDataIsRefused(String reference) {
        try (MemoryFixture fixture = new MemoryFixture(root, 1000)) {
            ProblemException problem = assertThrows(ProblemException.class,
                    () -> fixture.memory.eraseRequester("acme", ANN, reference));
            assertEquals(400, problem.status());
            assertEquals(List.of(), fixture.store.erasures("acme"));
        }
    }

    private static void assertNoAnnTicketIn(MemoryFixture fixture) {
        for (String query : List.of("zanzibar quokka", "badge reader", "zanzibar quokka badge reader 1")) {
            assertTrue(fixture.memory.search(new SearchQuery("acme", query, 100)).stream()
                    .noneMatch(h -> h.ticket().ticketId().startsWith("ann")), query);
        }
        assertTrue(fixture.memory.similarTo(HybridRetrieverTest.normalized("acme", null, "zanzibar quokka", "badge"), 100)
                .stream().noneMatch(h -> h.ticket().ticketId().startsWith("ann")));
        assertEquals(List.of(), fixture.store.ticketIdsOfRequester("acme", ANN));
    }
}
