package omega.context.control;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import omega.context.api.ResolvedTicket;

/**
 * Where remembered tickets live for good: text, labels, resolution and vector, per tenant. The indexes are
 * derived from it and rebuilt from it. Every method is confined to the tenant it is given.
 */
public interface MemoryStore extends AutoCloseable {

    /** Adds or replaces tickets (by tenant and ticket id); all of one call are durable when it returns. */
    void save(List<StoredTicket> tickets);

    /** @return the tenant's tickets among these ids (unknown ids are skipped), in no particular order */
    List<ResolvedTicket> find(String tenantId, Collection<String> ticketIds);

    int count(String tenantId);

    /** Hands every ticket of the tenant, with its vector, to the action (used to load and rebuild indexes). */
    void forEach(String tenantId, Consumer<StoredTicket> action);

    /** @return ids of the tenant's tickets from this requester (compared ignoring case and surrounding blanks) */
    List<String> ticketIdsOfRequester(String tenantId, String requester);

    /** Deletes the tickets and records the audit entry (together where the store can: one transaction). */
    void erase(String tenantId, Collection<String> ticketIds, ErasureAudit audit);

    List<ErasureAudit> erasures(String tenantId);

    @Override
    void close();

    /** How requesters are compared: surrounding blanks ignored, case-insensitive (e-mail addresses in practice). */
    static String normalizedRequester(String requester) {
        return requester == null ? "" : requester.trim().toLowerCase(Locale.ROOT);
    }
}
