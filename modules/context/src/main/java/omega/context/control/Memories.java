package omega.context.control;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import omega.context.api.ContextApi;
import omega.context.api.ErasureReceipt;
import omega.context.api.ResolvedTicket;
import omega.context.api.SearchHit;
import omega.context.api.SearchQuery;
import omega.context.api.TicketMemory;
import omega.context.api.WorkingKey;
import omega.context.api.WorkingMemory;
import omega.context.api.WorkingScope;
import omega.platform.api.EmbeddingService;
import omega.platform.api.ProblemException;

/**
 * The server's context module: {@link ContextMemory} over the store and working memory MicroProfile Config
 * selects, with the process's one {@link EmbeddingService}, plus the live tickets context follows.
 * <ul>
 * <li>{@code context.store}: {@code file} (per-tenant logs under {@code context.directory}), {@code postgres}
 * ({@code context_memory} through {@code jdbc/omega-context}; replicas follow each other by revision), or
 * {@code auto} (default: PostgreSQL when the server's database is PostgreSQL, else files);</li>
 * <li>{@code context.working}: {@code in-process} (default) or {@code redis} ({@code context.redis.*}).</li>
 * </ul>
 * Built on first use (after the schema migrations).
 */
@ApplicationScoped
public class Memories implements ContextApi, TicketMemory {

    private static final Logger LOG = Logger.getLogger(Memories.class.getName());

    @Inject
    EmbeddingService embeddings;

    @Inject
    LiveTickets liveTickets;

    @Inject
    MemoryInbox inbox;

    @Resource(lookup = "jdbc/omega-context")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "context.store", defaultValue = "auto")
    String storeKind;

    @Inject
    @ConfigProperty(name = "context.directory", defaultValue = "context")
    String directory;

    @Inject
    @ConfigProperty(name = "context.hnsw.threshold", defaultValue = "20000")
    int hnswThreshold;

    @Inject
    @ConfigProperty(name = "context.follow-interval-ms", defaultValue = "1000")
    long followIntervalMillis;

    @Inject
    @ConfigProperty(name = "context.working", defaultValue = "in-process")
    String workingKind;

    @Inject
    @ConfigProperty(name = "context.working.default-ttl-seconds", defaultValue = "28800")
    long defaultTtlSeconds;

    @Inject
    @ConfigProperty(name = "context.working.max-ttl-seconds", defaultValue = "604800")
    long maxTtlSeconds;

    @Inject
    @ConfigProperty(name = "context.working.max-entries", defaultValue = "10000")
    int maxEntries;

    @Inject
    @ConfigProperty(name = "context.working.max-value-chars", defaultValue = "65536")
    int maxValueChars;

    @Inject
    @ConfigProperty(name = "context.redis.host", defaultValue = "127.0.0.1")
    String redisHost;

    @Inject
    @ConfigProperty(name = "context.redis.port", defaultValue = "6379")
    int redisPort;

    @Inject
    @ConfigProperty(name = "context.redis.password")
    Optional<String> redisPassword;

    @Inject
    @ConfigProperty(name = "context.redis.ssl", defaultValue = "false")
    boolean redisSsl;

    @Inject
    @ConfigProperty(name = "context.redis.timeout-ms", defaultValue = "2000")
    long redisTimeoutMillis;

    @Inject
    @ConfigProperty(name = "context.redis.key-prefix", defaultValue = "omega:ctx:")
    String redisPrefix;

    private volatile ContextMemory memory;
    private MemoryStore store;
    private WorkingMemory working;

    ContextMemory memory() {
        ContextMemory m = memory;
        if (m == null) {
            synchronized (this) {
                if (memory == null) {
                    memory = build();
                }
                m = memory;
            }
        }
        return m;
    }

    private ContextMemory build() {
        WorkingMemorySettings bounds = new WorkingMemorySettings(Duration.ofSeconds(defaultTtlSeconds),
                Duration.ofSeconds(maxTtlSeconds), maxEntries, maxValueChars);
        working = "redis".equals(workingKind.trim().toLowerCase(Locale.ROOT))
                ? new RedisWorkingMemory(redisHost, redisPort, redisPassword.orElse(null), redisSsl,
                        Duration.ofMillis(redisTimeoutMillis), redisPrefix, bounds)
                : new InProcessWorkingMemory(bounds, Clock.systemUTC());
        Path root = Path.of(directory).toAbsolutePath();
        boolean postgres = switch (storeKind.trim().toLowerCase(Locale.ROOT)) {
            case "postgres", "postgresql" -> true;
            case "file" -> false;
            case "auto" -> databaseIsPostgres();
            default -> throw new IllegalStateException("context.store must be auto, file or postgres, not " + storeKind);
        };
        store = postgres ? new PostgresMemoryStore(dataSource) : new FileMemoryStore(root.resolve("store"));
        ContextSettings settings = ContextSettings.defaults(root.resolve("index")).withHnswThreshold(hnswThreshold);
        LOG.info("Context memory: " + (postgres ? "PostgreSQL store" : "file store") + ", indexes under " + root
                + ", " + (working instanceof RedisWorkingMemory ? "Redis" : "in-process") + " working memory, model "
                + embeddings.modelId());
        return new ContextMemory(embeddings, store, working, settings, Clock.systemUTC(), followIntervalMillis);
    }

    private boolean databaseIsPostgres() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Context cannot reach its database: " + e.getMessage(), e);
        }
    }

    @Override
    public void remember(ResolvedTicket ticket) {
        memory().remember(ticket);
    }

    /** Remembers many tickets with one embedding batch and one store write per tenant. */
    public void rememberAll(List<ResolvedTicket> tickets) {
        memory().rememberAll(tickets);
    }

    @Override
    public List<SearchHit> similarTo(omega.platform.api.TicketNormalized ticket, int limit) {
        return memory().similarTo(ticket, limit);
    }

    @Override
    public List<SearchHit> similarTo(String tenantId, String ticketId, String text, int limit) {
        return memory().similarTo(tenantId, ticketId, text, limit);
    }

    @Override
    public List<SearchHit> search(SearchQuery query) {
        return memory().search(query);
    }

    @Override
    public List<SearchHit> similarToTicket(String tenantId, String ticketId, int limit) {
        if (limit < 1 || limit > MAX_SIMILAR) {
            throw ProblemException.invalid("Invalid limit", Map.of("limit", "must be between 1 and " + MAX_SIMILAR));
        }
        LiveTicket ticket = liveTickets.byId(tenantId, ticketId)
                .orElseThrow(() -> ProblemException.notFound("No ticket " + ticketId));
        return memory().similarTo(tenantId, ticketId, ticket.text(), limit);
    }

    @Override
    @Transactional
    public boolean resolved(String tenantId, String ticketId, String resolution, Map<String, String> labels) {
        if (resolution == null || resolution.isBlank()) {
            throw ProblemException.invalid("A resolution needs text", Map.of("resolution", "must not be blank"));
        }
        Optional<LiveTicket> ticket = liveTickets.resolved(tenantId, ticketId, resolution.strip(), labels);
        ticket.filter(LiveTicket::resolved).ifPresent(t -> inbox.add(List.of(t.asResolved())));
        return ticket.isPresent();
    }

    @Override
    public ErasureReceipt eraseRequester(String tenantId, String requester, String reference) {
        Erasure.validate(tenantId, requester, reference);
        inbox.lock().lock();
        try {
            int waiting = inbox.eraseRequester(tenantId, requester);
            ErasureReceipt receipt = memory().eraseRequester(tenantId, requester, reference);
            int live = liveTickets.eraseRequester(tenantId, requester);
            LOG.info("Erasure " + receipt.auditId() + " also removed " + waiting + " waiting and " + live
                    + " live ticket(s) of tenant " + tenantId);
            return receipt;
        } finally {
            inbox.lock().unlock();
        }
    }

    @Override
    public Optional<String> get(WorkingKey key) {
        memory();
        return working.get(key);
    }

    @Override
    public void put(WorkingKey key, String value) {
        memory();
        working.put(key, value);
    }

    @Override
    public void put(WorkingKey key, String value, Duration ttl) {
        memory();
        working.put(key, value, ttl);
    }

    @Override
    public boolean delete(WorkingKey key) {
        memory();
        return working.delete(key);
    }

    @Override
    public int clear(String tenantId, WorkingScope scope, String ownerId) {
        memory();
        return working.clear(tenantId, scope, ownerId);
    }

    @PreDestroy
    void close() {
        ContextMemory m = memory;
        if (m != null) {
            m.close();
            store.close();
            if (working instanceof RedisWorkingMemory redis) {
                redis.close();
            }
        }
    }
}
