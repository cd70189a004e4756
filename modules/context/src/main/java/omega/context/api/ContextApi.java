package omega.context.api;

import java.util.List;

import omega.platform.api.TicketNormalized;

/**
 * The context module's facade: long-term memory of resolved tickets with hybrid retrieval (embedding
 * similarity, BM25 keywords, recency), erasure of a requester's data, and short-term working memory.
 * Every call is confined to one tenant: nothing of another tenant is ever returned or changed.
 */
public interface ContextApi extends WorkingMemory {

    /** Stores (or replaces) a resolved ticket and indexes it. */
    void remember(ResolvedTicket ticket);

    /** @return the remembered tickets most similar to this one (never the ticket itself), best first */
    List<SearchHit> similarTo(TicketNormalized ticket, int limit);

    /**
     * @param ticketId the live ticket the text is of (never returned), or null
     * @return the remembered tickets most similar to this text, best first
     */
    List<SearchHit> similarTo(String tenantId, String ticketId, String text, int limit);

    /** @return matching remembered tickets, best first */
    List<SearchHit> search(SearchQuery query);

    /**
     * Erases every remembered ticket of a requester (text, vector, index entries, the tickets' working memory).
     *
     * @param reference the caller's reference for the erasure request (e.g. a DSR case number); it goes into the
     *                  audit entry, so it must not be personal data
     */
    ErasureReceipt eraseRequester(String tenantId, String requester, String reference);
}
