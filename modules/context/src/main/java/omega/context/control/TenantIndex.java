package omega.context.control;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import omega.context.api.ResolvedTicket;

/**
 * Everything searchable of one tenant: its vector index, its keyword index and each ticket's facets. No index
 * of one tenant ever holds another tenant's ticket. Writers (remember, erase) take {@link #writes()} so the
 * store and the indexes change in the same order.
 */
final class TenantIndex implements Closeable {

    private final String tenantId;
    private final VectorIndex vectors;
    private final KeywordIndex keywords;
    private final Map<String, TicketFacets> facets = new ConcurrentHashMap<>();
    private final ReentrantLock writes = new ReentrantLock();

    TenantIndex(String tenantId, VectorIndex vectors, KeywordIndex keywords) {
        this.tenantId = tenantId;
        this.vectors = vectors;
        this.keywords = keywords;
    }

    void putAll(List<StoredTicket> tickets) {
        List<IndexedVector> vectorEntries = new ArrayList<>(tickets.size());
        List<KeywordIndex.KeywordEntry> keywordEntries = new ArrayList<>(tickets.size());
        for (StoredTicket stored : tickets) {
            ResolvedTicket ticket = stored.ticket();
            if (!tenantId.equals(ticket.tenantId())) {
                throw new IllegalArgumentException("Ticket of another tenant offered to the index of " + tenantId);
            }
            TicketFacets ticketFacets = TicketFacets.of(ticket);
            vectorEntries.add(new IndexedVector(ticket.ticketId(), stored.vector(), ticketFacets));
            keywordEntries.add(new KeywordIndex.KeywordEntry(ticket.ticketId(), ticket.text(), ticketFacets));
            facets.put(ticket.ticketId(), ticketFacets);
        }
        vectors.putAll(vectorEntries);
        keywords.putAll(keywordEntries);
    }

    void removeAll(Collection<String> ticketIds) {
        vectors.removeAll(ticketIds);
        keywords.removeAll(ticketIds);
        ticketIds.forEach(facets::remove);
    }

    /** Records facets of a ticket already in both indexes (when the indexes are reopened). */
    void track(ResolvedTicket ticket) {
        facets.put(ticket.ticketId(), TicketFacets.of(ticket));
    }

    TicketFacets facets(String ticketId) {
        return facets.get(ticketId);
    }

    String tenantId() {
        return tenantId;
    }

    VectorIndex vectors() {
        return vectors;
    }

    KeywordIndex keywords() {
        return keywords;
    }

    ReentrantLock writes() {
        return writes;
    }

    int size() {
        return facets.size();
    }

    @Override
    public void close() {
        vectors.close();
        keywords.close();
    }
}
