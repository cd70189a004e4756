package omega.context.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import omega.context.api.ResolvedTicket;
import omega.context.api.SearchQuery;
import omega.platform.control.SchemaMigrations;

/**
 * Against the real PostgreSQL on 127.0.0.1:5432 (trust auth): a database of its own ({@code omega_context_test})
 * and a fresh schema per run, migrated by the platform's migration runner from {@code db/migration/context}.
 */
class PostgresMemoryStoreTest {

    private static final String DATABASE = "omega_context_test";
    private static PGSimpleDataSource dataSource;
    private static String schema;

    @TempDir
    Path root;

    private final Random random = new Random(5);

    @BeforeAll
    static void migrate() throws SQLException {
        String user = firstUserThatConnects();
        Services.assumeReachable(user != null, "PostgreSQL at 127.0.0.1:5432 (user root or postgres)");
        try (Connection c = source(user, "test").getConnection(); Statement s = c.createStatement()) {
            try (ResultSet exists = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!exists.next()) {
                    s.execute("CREATE DATABASE " + DATABASE);
                }
            }
        }
        schema = "ctx_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        PGSimpleDataSource admin = source(user, DATABASE);
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        dataSource = source(user, DATABASE);
        dataSource.setCurrentSchema(schema);
        SchemaMigrations.migrate(dataSource, "context", PostgresMemoryStoreTest.class.getClassLoader());
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (dataSource != null) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void ticketsAndVectorsRoundTripAndUpsert() {
        PostgresMemoryStore store = new PostgresMemoryStore(dataSource);
        ResolvedTicket full = Tickets.ticket("pg-a", "t1", "Outlook asks for the password");
        ResolvedTicket sparse = new ResolvedTicket("pg-a", "t2", "VPN drops", Map.of(), null, null, null, null, null,
                Instant.parse("2025-01-02T03:04:05.123456Z"));
        float[] v1 = Tickets.randomUnitVector(random, 384);
        store.save(List.of(new StoredTicket(full, v1, "m"), new StoredTicket(sparse, new float[] {1, 0}, "m")));
        assertEquals(2, store.count("pg-a"));
        assertEquals(List.of(full), store.find("pg-a", List.of("t1", "nope")));
        assertEquals(List.of(sparse), store.find("pg-a", List.of("t2")));
        Map<String, StoredTicket> all = all(store, "pg-a");
        assertArrayEquals(v1, all.get("t1").vector());
        ResolvedTicket changed = Tickets.ticket("pg-a", "t2", "VPN drops every hour");
        store.save(List.of(new StoredTicket(changed, new float[] {0, 1}, "m2")));
        assertEquals(2, store.count("pg-a"));
        assertEquals("m2", all(store, "pg-a").get("t2").modelId());
        assertEquals(List.of(changed), store.find("pg-a", List.of("t2")));
    }

    @Test
    void erasureDeletesAndAuditsTogetherWithoutPersonalData() throws SQLException {
        PostgresMemoryStore store = new PostgresMemoryStore(dataSource);
        store.save(List.of(
                new StoredTicket(Tickets.ticket("pg-b", "t1", "zanzibar quokka", "Acme", "x", " Ann@Acme.example ",
                        Tickets.NOW), new float[] {1}, "m"),
                new StoredTicket(Tickets.ticket("pg-b", "t2", "other", "Acme", "x", "bob@acme.example", Tickets.NOW),
                        new float[] {1}, "m")));
        List<String> ids = store.ticketIdsOfRequester("pg-b", "ann@ACME.example");
        assertEquals(List.of("t1"), ids);
        store.erase("pg-b", ids, new ErasureAudit(UUID.randomUUID().toString(), "pg-b", Tickets.NOW, "DSR-9", 1));
        assertEquals(List.of("t2"), all(store, "pg-b").keySet().stream().toList());
        assertEquals(1, store.erasures("pg-b").size());
        assertEquals("DSR-9", store.erasures("pg-b").get(0).reference());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT * FROM context_erasure_audit WHERE tenant_id = 'pg-b'")) {
            assertTrue(rows.next());
            for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                String value = String.valueOf(rows.getObject(column)).toLowerCase(Locale.ROOT);
                assertFalse(value.contains("ann") || value.contains("quokka") || value.equals("t1"), value);
            }
        }
    }

    @Test
    void everyQueryIsConfinedToItsTenant() {
        PostgresMemoryStore store = new PostgresMemoryStore(dataSource);
        store.save(List.of(new StoredTicket(Tickets.ticket("pg-c", "same", "c text"), new float[] {1}, "m"),
                new StoredTicket(Tickets.ticket("pg-d", "same", "d text"), new float[] {1}, "m")));
        assertEquals("c text", store.find("pg-c", List.of("same")).get(0).text());
        assertEquals(List.of("same"), List.copyOf(all(store, "pg-d").keySet()));
        store.erase("pg-c", List.of("same"), new ErasureAudit(UUID.randomUUID().toString(), "pg-c", Tickets.NOW, "r", 1));
        assertEquals(0, store.count("pg-c"));
        assertEquals(1, store.count("pg-d"));
        assertEquals(List.of(), store.erasures("pg-d"));
    }

    @Test
    void theFacadeOverPostgresRebuildsALostIndexFromTheDatabase() throws Exception {
        ContextSettings settings = ContextSettings.defaults(root.resolve("index")).withHnswThreshold(5);
        MutableClock clock = new MutableClock(Tickets.NOW);
        InProcessWorkingMemory working = new InProcessWorkingMemory(WorkingMemorySettings.DEFAULTS, clock);
        List<String> before;
        try (ContextMemory memory = new ContextMemory(new HashingEmbeddings(), new PostgresMemoryStore(dataSource),
                working, settings, clock)) {
            memory.rememberAll(ContextMemoryTest.tickets("pg-e", 20));
            before = ContextMemoryTest.ids(memory.search(new SearchQuery("pg-e", "onedrive sync stuck", 5)));
            assertEquals("hnsw", memory.index("pg-e").vectors().kind());
        }
        LuceneIndex.deleteRecursively(root.resolve("index"));
        HashingEmbeddings embeddings = new HashingEmbeddings();
        try (ContextMemory memory = new ContextMemory(embeddings, new PostgresMemoryStore(dataSource), working,
                settings, clock)) {
            assertEquals(before, ContextMemoryTest.ids(memory.search(new SearchQuery("pg-e", "onedrive sync stuck", 5))));
            assertEquals(1, embeddings.embedded(), "the vectors came from the database");
            assertEquals(20, memory.index("pg-e").vectors().size());
            assertEquals(20, memory.eraseRequester("pg-e", "requester@acme.example", "DSR-10").ticketsErased());
            assertEquals(List.of(), memory.search(new SearchQuery("pg-e", "onedrive sync stuck", 5)));
        }
    }

    @Test
    void replicasSharingTheDatabaseFollowEachOthersWritesAndErasures() {
        MutableClock clock = new MutableClock(Tickets.NOW);
        InProcessWorkingMemory working = new InProcessWorkingMemory(WorkingMemorySettings.DEFAULTS, clock);
        try (ContextMemory a = new ContextMemory(new HashingEmbeddings(), new PostgresMemoryStore(dataSource), working,
                ContextSettings.defaults(root.resolve("a")), clock, 0);
             ContextMemory b = new ContextMemory(new HashingEmbeddings(), new PostgresMemoryStore(dataSource), working,
                     ContextSettings.defaults(root.resolve("b")), clock, 0)) {
            assertEquals(List.of(), b.search(new SearchQuery("pg-f", "printer jams on tray two", 5)));
            a.remember(Tickets.ticket("pg-f", "p1", "printer jams on tray two", "Acme", "hardware",
                    "ann@acme.example", Tickets.NOW));
            assertEquals(List.of("p1"), ContextMemoryTest.ids(b.search(new SearchQuery("pg-f", "printer jams", 5))));
            b.remember(Tickets.ticket("pg-f", "p2", "printer jams again on tray two", "Acme", "hardware",
                    "bob@acme.example", Tickets.NOW));
            assertEquals(List.of("p1", "p2"), ContextMemoryTest.ids(a.search(new SearchQuery("pg-f", "printer jams", 5)))
                    .stream().sorted().toList());
            assertEquals(1, a.eraseRequester("pg-f", "ann@acme.example", "DSR-11").ticketsErased());
            assertEquals(List.of("p2"), ContextMemoryTest.ids(b.search(new SearchQuery("pg-f", "printer jams", 5))));
        }
    }

    private static Map<String, StoredTicket> all(PostgresMemoryStore store, String tenantId) {
        Map<String, StoredTicket> all = new HashMap<>();
        store.forEach(tenantId, s -> all.put(s.ticket().ticketId(), s));
        return all;
    }

    private static String firstUserThatConnects() {
        for (String user : List.of("root", "postgres")) {
            PGSimpleDataSource candidate = source(user, "test");
            candidate.setConnectTimeout(2);
            try (Connection c = candidate.getConnection()) {
                return user;
            } catch (SQLException e) {
                // try the next user
            }
        }
        return null;
    }

    private static PGSimpleDataSource source(String user, String database) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] {"127.0.0.1"});
        source.setPortNumbers(new int[] {5432});
        source.setDatabaseName(database);
        source.setUser(user);
        return source;
    }
}
