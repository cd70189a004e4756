package omega.context.control;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import omega.context.api.ContextApi;
import omega.context.api.ErasureReceipt;
import omega.context.api.ResolvedTicket;
import omega.context.api.SearchFilter;
import omega.context.api.SearchHit;
import omega.context.api.SearchQuery;
import omega.context.api.WorkingKey;
import omega.context.api.WorkingMemory;
import omega.context.api.WorkingScope;
import omega.platform.api.EmbeddingService;
import omega.platform.api.ProblemException;
import omega.platform.api.TicketNormalized;

/**
 * The context facade: remembers resolved tickets (embedded once, stored, indexed), retrieves similar ones per
 * tenant, erases a requester, and passes working memory through. Logs carry ids and counts, never ticket text.
 */
public final class ContextMemory implements ContextApi, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ContextMemory.class.getName());

    private final EmbeddingService embeddings;
    private final MemoryStore store;
    private final WorkingMemory working;
    private final TenantIndexes indexes;
    private final HybridRetriever retriever;
    private final Erasure erasure;
    private final StoreFollower follower;

    public ContextMemory(EmbeddingService embeddings, MemoryStore store, WorkingMemory working,
            ContextSettings settings, Clock clock) {
        this(embeddings, store, working, settings, clock, 1_000);
    }

    /**
     * @param followIntervalMillis with a store shared by replicas (PostgreSQL): how often, at most, a search first
     *                             indexes what other replicas wrote
     */
    public ContextMemory(EmbeddingService embeddings, MemoryStore store, WorkingMemory working,
            ContextSettings settings, Clock clock, long followIntervalMillis) {
        this.embeddings = embeddings;
        this.store = store;
        this.working = working;
        TextTerms terms = new TextTerms();
        this.indexes = new TenantIndexes(new IndexLoader(store, embeddings, settings, terms));
        this.retriever = new HybridRetriever(settings.retrieval(), store, terms, clock);
        this.erasure = new Erasure(store, indexes, working, clock);
        this.follower = store instanceof SharedStore shared
                ? new StoreFollower(shared, indexes, followIntervalMillis, clock) : null;
    }

    /** The tenant's indexes, opened on first use (a follower first notes where the shared store stood). */
    private TenantIndex open(String tenantId) {
        if (follower != null) {
            follower.beforeOpen(tenantId);
        }
        return indexes.of(tenantId);
    }

    @Override
    public void remember(ResolvedTicket ticket) {
        rememberAll(List.of(ticket));
    }

    /** Remembers many tickets with one embedding batch and one write per tenant. */
    public void rememberAll(List<ResolvedTicket> tickets) {
        tickets.forEach(ContextMemory::validate);
        List<float[]> vectors = embeddings.embedAll(tickets.stream().map(ResolvedTicket::text).toList());
        Map<String, List<StoredTicket>> byTenant = new LinkedHashMap<>();
        for (int i = 0; i < tickets.size(); i++) {
            StoredTicket stored = new StoredTicket(tickets.get(i), vectors.get(i), embeddings.modelId());
            byTenant.computeIfAbsent(stored.ticket().tenantId(), t -> new ArrayList<>()).add(stored);
        }
        byTenant.forEach((tenantId, batch) -> {
            TenantIndex index = open(tenantId);
            index.writes().lock();
            try {
                store.save(batch);
                index.putAll(batch);
            } finally {
                index.writes().unlock();
            }
            LOG.fine(() -> "Remembered " + batch.size() + " ticket(s) of tenant " + tenantId);
        });
    }

    private static void validate(ResolvedTicket ticket) {
        if (ticket.tenantId().isBlank() || ticket.ticketId().isBlank() || ticket.text().isBlank()) {
            throw ProblemException.invalid("A remembered ticket needs a tenant, an id and text",
                    Map.of("ticket", "tenantId, ticketId and text must not be blank"));
        }
    }

    @Override
    public List<SearchHit> similarTo(TicketNormalized ticket, int limit) {
        String text = Stream.of(ticket.title(), ticket.body()).filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining("\n"));
        SearchQuery query = new SearchQuery(ticket.tenantId(), text, SearchFilter.NONE, limit);
        Set<String> itself = ticket.ticketId() == null ? Set.of() : Set.of(ticket.ticketId());
        return retrieve(query, itself);
    }

    @Override
    public List<SearchHit> similarTo(String tenantId, String ticketId, String text, int limit) {
        return retrieve(new SearchQuery(tenantId, text, SearchFilter.NONE, limit),
                ticketId == null ? Set.of() : Set.of(ticketId));
    }

    @Override
    public List<SearchHit> search(SearchQuery query) {
        return retrieve(query, Set.of());
    }

    private List<SearchHit> retrieve(SearchQuery query, Set<String> excluded) {
        TenantIndex index = open(query.tenantId());
        if (follower != null) {
            follower.catchUp(index);
        }
        if (index.size() == 0) {
            return List.of(); // nothing remembered yet: no need to embed the query
        }
        float[] vector = UnitVectors.normalized(embeddings.embed(query.text()));
        return retriever.search(index, vector, query.text(), query.filter(), query.limit(), excluded);
    }

    @Override
    public ErasureReceipt eraseRequester(String tenantId, String requester, String reference) {
        if (tenantId != null && !tenantId.isBlank()) {
            open(tenantId);
        }
        return erasure.eraseRequester(tenantId, requester, reference);
    }

    @Override
    public Optional<String> get(WorkingKey key) {
        return working.get(key);
    }

    @Override
    public void put(WorkingKey key, String value) {
        working.put(key, value);
    }

    @Override
    public void put(WorkingKey key, String value, Duration ttl) {
        working.put(key, value, ttl);
    }

    @Override
    public boolean delete(WorkingKey key) {
        return working.delete(key);
    }

    @Override
    public int clear(String tenantId, WorkingScope scope, String ownerId) {
        return working.clear(tenantId, scope, ownerId);
    }

    /** The tenant's open indexes (opened on first use); for tests and the benchmark. */
    TenantIndex index(String tenantId) {
        return open(tenantId);
    }

    @Override
    public void close() {
        indexes.close();
    }
}
