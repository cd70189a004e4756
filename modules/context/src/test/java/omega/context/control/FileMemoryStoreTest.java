package omega.context.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import omega.context.api.ResolvedTicket;

class FileMemoryStoreTest {

    @TempDir
    Path root;

    private final Random random = new Random(3);

    @Test
    void ticketsAndVectorsSurviveReopening() {
        ResolvedTicket full = Tickets.ticket("acme", "t1", "Outlook asks for the password");
        ResolvedTicket sparse = new ResolvedTicket("acme", "t2", "VPN drops", null, null, null, null, null, null,
                Instant.parse("2025-01-02T03:04:05.123456789Z"));
        float[] v1 = Tickets.randomUnitVector(random, 16);
        float[] v2 = Tickets.randomUnitVector(random, 16);
        try (FileMemoryStore store = new FileMemoryStore(root)) {
            store.save(List.of(new StoredTicket(full, v1, "m"), new StoredTicket(sparse, v2, "m")));
        }
        try (FileMemoryStore store = new FileMemoryStore(root)) {
            assertEquals(2, store.count("acme"));
            assertEquals(0, store.count("globex"));
            assertEquals(List.of(full), store.find("acme", List.of("t1", "unknown")));
            assertEquals(List.of(sparse), store.find("acme", List.of("t2")));
            Map<String, StoredTicket> all = all(store, "acme");
            assertArrayEquals(v1, all.get("t1").vector());
            assertArrayEquals(v2, all.get("t2").vector());
            assertEquals("m", all.get("t2").modelId());
        }
    }

    @Test
    void theLastVersionOfATicketWinsAndCompactionKeepsIt() {
        long written = 0;
        try (FileMemoryStore store = new FileMemoryStore(root)) {
            for (int round = 0; round < 60; round++) {
                List<StoredTicket> batch = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    batch.add(new StoredTicket(Tickets.ticket("acme", "t" + i, "round " + round + " " + "x".repeat(500)),
                            Tickets.randomUnitVector(random, 64), "m"));
                }
                store.save(batch);
                written += batch.stream().mapToInt(b -> TicketRecord.encode(b).length).sum();
            }
            assertEquals(50, store.count("acme"));
            assertTrue(store.find("acme", List.of("t7")).get(0).text().startsWith("round 59 "));
        }
        Path log = TenantFolder.of(root, "acme").resolve("tickets.log");
        try (FileMemoryStore store = new FileMemoryStore(root)) {
            assertEquals(50, all(store, "acme").size());
            assertTrue(all(store, "acme").values().stream().allMatch(s -> s.ticket().text().startsWith("round 59 ")));
        }
        assertTrue(size(log) < written / 3, "replaced records were compacted away: " + size(log) + " of " + written);
    }

    @Test
    void aTornLastRecordIsCutOffOnOpening() throws IOException {
        try (FileMemoryStore store = new FileMemoryStore(root)) {
            store.save(List.of(new StoredTicket(Tickets.ticket("acme", "t1", "first"), new float[] {1, 0}, "m")));
            store.save(List.of(new StoredTicket(Tickets.ticket("acme", "t2", "second"), new float[] {0, 1}, "m")));
        }
        Path log = TenantFolder.of(root, "acme").resolve("tickets.log");
        long intact = size(log);
        try (var channel = java.nio.channels.FileChannel.open(log, StandardOpenOption.WRITE)) {
            channel.truncate(intact - 5); // the second record loses its tail, as in a crash mid-write
        }
        try (FileMemoryStore store = new FileMemoryStore(root)) {
            assertEquals(1, store.count("acme"));
            store.save(List.of(new StoredTicket(Tickets.ticket("acme", "t3", "third"), new float[] {1, 1}, "m")));
        }
        try (FileMemoryStore store = new FileMemoryStore(root)) {
            assertEquals(List.of("t1", "t3"), all(store, "acme").keySet().stream().sorted().toList());
        }
    }

    @Test
    void erasureRemovesTheTextFromTheFileAndAuditsWithoutPersonalData() throws IOException {
        try (FileMemoryStore store = new FileMemoryStore(root)) {
            store.save(List.of(
                    new StoredTicket(Tickets.ticket("acme", "t1", "zanzibar quokka printer", "Acme", "print",
                            "Ann.Lee@acme.example", Tickets.NOW), new float[] {1, 0}, "m"),
                    new StoredTicket(Tickets.ticket("acme", "t2", "mail outage"), new float[] {0, 1}, "m")));
            Path log = TenantFolder.of(root, "acme").resolve("tickets.log");
            assertTrue(contains(log, "zanzibar quokka"), "the text is in the file before erasure");

            List<String> ids = store.ticketIdsOfRequester("acme", "  ann.lee@ACME.example ");
            assertEquals(List.of("t1"), ids);
            store.erase("acme", ids, new ErasureAudit("a1", "acme", Tickets.NOW, "DSR-17", 1));

            assertFalse(contains(log, "zanzibar quokka"), "the text is gone from the file");
            assertFalse(contains(log, "Ann.Lee@acme.example"));
            assertEquals(List.of("t2"), all(store, "acme").keySet().stream().toList());
            assertEquals(List.of(new ErasureAudit("a1", "acme", Tickets.NOW, "DSR-17", 1)), store.erasures("acme"));
        }
    }

    @Test
    void tenantsAreSeparateFiles() {
        try (FileMemoryStore store = new FileMemoryStore(root)) {
            store.save(List.of(new StoredTicket(Tickets.ticket("acme", "t1", "same"), new float[] {1}, "m"),
                    new StoredTicket(Tickets.ticket("globex", "t1", "same"), new float[] {1}, "m")));
            assertEquals("acme", store.find("acme", List.of("t1")).get(0).tenantId());
            store.erase("acme", List.of("t1"), new ErasureAudit("a", "acme", Tickets.NOW, "r", 1));
            assertEquals(0, store.count("acme"));
            assertEquals(1, store.count("globex"));
            assertEquals(List.of(), store.erasures("globex"));
        }
    }

    private static Map<String, StoredTicket> all(FileMemoryStore store, String tenantId) {
        Map<String, StoredTicket> all = new HashMap<>();
        store.forEach(tenantId, s -> all.put(s.ticket().ticketId(), s));
        return all;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static boolean contains(Path file, String text) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
    }
}
