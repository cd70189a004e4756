package omega.context.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import omega.context.api.ResolvedTicket;
import omega.context.api.SearchHit;
import omega.context.api.SearchQuery;

/** Persistence of long-term memory: restarts, lost indexes, crashes between store and index, model changes. */
class ContextMemoryTest {

    private static final String[] TOPICS = {"outlook password prompt", "vpn disconnects hourly", "printer offline",
        "teams camera black", "onedrive sync stuck", "laptop battery drains", "wifi drops in meeting room",
        "excel macro blocked", "new starter account", "mfa phone replaced"};

    @TempDir
    Path root;

    @ParameterizedTest(name = "hnsw threshold {0}")
    @ValueSource(ints = {1000, 5})
    void restartKeepsAnswersWithoutEmbeddingAgain(int threshold) throws IOException {
        List<String> before;
        Set<String> segmentFiles;
        try (MemoryFixture fixture = new MemoryFixture(root, threshold)) {
            fixture.memory.rememberAll(tickets("acme", 20));
            assertEquals(20, fixture.embeddings.embedded());
            before = ids(fixture.memory.search(new SearchQuery("acme", "printer offline", 5)));
            segmentFiles = segmentFiles(fixture.indexFolder("acme"));
        }
        try (MemoryFixture fixture = new MemoryFixture(root, threshold)) {
            assertEquals(before, ids(fixture.memory.search(new SearchQuery("acme", "printer offline", 5))));
            assertEquals(1, fixture.embeddings.embedded(), "only the query was embedded after the restart");
            assertEquals(threshold < 20 ? "hnsw" : "exact", fixture.memory.index("acme").vectors().kind());
            assertEquals(segmentFiles, segmentFiles(fixture.indexFolder("acme")),
                    "the on-disk indexes were reopened as they were, not rebuilt");
        }
    }

    @Test
    void aDeletedIndexFolderIsRebuiltFromTheStore() throws IOException {
        List<String> before;
        try (MemoryFixture fixture = new MemoryFixture(root, 5)) {
            fixture.memory.rememberAll(tickets("acme", 20));
            before = ids(fixture.memory.search(new SearchQuery("acme", "vpn disconnects", 5)));
        }
        Path folder = TenantFolder.of(root.resolve("index"), "acme");
        LuceneIndex.deleteRecursively(folder);
        try (MemoryFixture fixture = new MemoryFixture(root, 5)) {
            assertEquals(before, ids(fixture.memory.search(new SearchQuery("acme", "vpn disconnects", 5))));
            assertEquals(1, fixture.embeddings.embedded(), "rebuilt from stored vectors, not by embedding again");
            assertEquals(20, fixture.memory.index("acme").vectors().size());
            assertEquals(20, fixture.memory.index("acme").keywords().size());
            assertTrue(HnswVectorIndex.existsIn(folder.resolve("vectors")));
        }
    }

    @Test
    void openingReconcilesTheIndexesWithTheStore() {
        try (MemoryFixture fixture = new MemoryFixture(root, 5)) {
            fixture.memory.rememberAll(tickets("acme", 20));
        }
        // as after a crash: one ticket reached the store but not the indexes, one left the store but not the indexes
        try (FileMemoryStore store = new FileMemoryStore(root.resolve("store"))) {
            HashingEmbeddings embeddings = new HashingEmbeddings();
            ResolvedTicket late = Tickets.ticket("acme", "late", "sharepoint permission denied zzlate");
            store.save(List.of(new StoredTicket(late, embeddings.embed(late.text()), embeddings.modelId())));
            store.erase("acme", List.of("t3"), new ErasureAudit("a", "acme", Tickets.NOW, "test", 1));
        }
        try (MemoryFixture fixture = new MemoryFixture(root, 5)) {
            assertEquals("late", fixture.memory.search(new SearchQuery("acme", "zzlate", 1)).get(0).ticket().ticketId());
            TenantIndex index = fixture.memory.index("acme");
            assertFalse(index.vectors().ticketIds().contains("t3"));
            assertFalse(index.keywords().ticketIds().contains("t3"));
            assertEquals(20, index.vectors().size());
        }
    }

    @Test
    void onlyAModelChangeEmbedsAgain() {
        try (MemoryFixture fixture = new MemoryFixture(root, 5)) {
            fixture.memory.rememberAll(tickets("acme", 12));
        }
        HashingEmbeddings newModel = new HashingEmbeddings("hashing-v2");
        try (MemoryFixture fixture = new MemoryFixture(root, 5)) {
            fixture.reopenWith(newModel).search(new SearchQuery("acme", "printer", 3));
            assertEquals(12 + 1, newModel.embedded(), "every stored ticket once, then the query");
            fixture.memory.close();
            HashingEmbeddings sameNewModel = new HashingEmbeddings("hashing-v2");
            fixture.reopenWith(sameNewModel).search(new SearchQuery("acme", "printer", 3));
            assertEquals(1, sameNewModel.embedded(), "stored with the current model now");
        }
    }

    @Test
    void aGrowingTenantMovesToHnsw() {
        try (MemoryFixture fixture = new MemoryFixture(root, 10)) {
            fixture.memory.rememberAll(tickets("acme", 8));
            assertEquals("exact", fixture.memory.index("acme").vectors().kind());
            fixture.memory.rememberAll(tickets("acme", 14));
            assertEquals("hnsw", fixture.memory.index("acme").vectors().kind());
            assertEquals(14, fixture.memory.index("acme").vectors().size());
            assertEquals("t13", fixture.memory.search(new SearchQuery("acme", "ticket13 " + TOPICS[3], 1))
                    .get(0).ticket().ticketId());
        }
    }

    static List<ResolvedTicket> tickets(String tenantId, int n) {
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> Tickets.ticket(tenantId, "t" + i, "ticket" + i + " " + TOPICS[i % TOPICS.length]))
                .toList();
    }

    static List<String> ids(List<SearchHit> hits) {
        return hits.stream().map(h -> h.ticket().ticketId()).toList();
    }

    private static Set<String> segmentFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> folder.relativize(p).toString())
                    .filter(name -> !name.contains("segments_") && !name.endsWith("write.lock"))
                    .collect(Collectors.toSet());
        }
    }
}
