package omega.context.control;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import omega.context.api.ErasureReceipt;
import omega.context.api.WorkingMemory;
import omega.context.api.WorkingScope;
import omega.platform.api.ProblemException;

/**
 * GDPR erasure of one requester's remembered tickets: their working memory, then the store (text, vector,
 * labels; with the audit entry), then both indexes (deleted documents merged out of the files). Done in that
 * order, an interrupted erasure leaves nothing the next start would resurrect (the indexes are reconciled with
 * the store), and it can simply be run again. The audit entry holds no personal data.
 */
final class Erasure {

    private static final Logger LOG = Logger.getLogger(Erasure.class.getName());
    /** A case number or similar; '@' and spaces are not allowed, so it cannot be an e-mail address or a name. */
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._:#/-]{1,64}");

    private final MemoryStore store;
    private final TenantIndexes indexes;
    private final WorkingMemory working;
    private final Clock clock;

    Erasure(MemoryStore store, TenantIndexes indexes, WorkingMemory working, Clock clock) {
        this.store = store;
        this.indexes = indexes;
        this.working = working;
        this.clock = clock;
    }

    /** Refuses a blank tenant or requester and a reference that could be personal data (400 problems). */
    static void validate(String tenantId, String requester, String reference) {
        if (tenantId == null || tenantId.isBlank() || requester == null || requester.isBlank()) {
            throw ProblemException.invalid("An erasure needs a tenant and a requester",
                    Map.of("requester", "must not be blank"));
        }
        if (reference == null || !REFERENCE.matcher(reference).matches()) {
            throw ProblemException.invalid("Invalid erasure reference", Map.of("reference",
                    "1 to 64 of letters, digits and . _ : # / - (a case number, never personal data)"));
        }
    }

    ErasureReceipt eraseRequester(String tenantId, String requester, String reference) {
        validate(tenantId, requester, reference);
        TenantIndex index = indexes.of(tenantId);
        index.writes().lock();
        try {
            List<String> ticketIds = store.ticketIdsOfRequester(tenantId, requester);
            for (String ticketId : ticketIds) {
                working.clear(tenantId, WorkingScope.TICKET, ticketId);
            }
            ErasureAudit audit = new ErasureAudit(UUID.randomUUID().toString(), tenantId, clock.instant(), reference,
                    ticketIds.size());
            store.erase(tenantId, ticketIds, audit);
            if (!ticketIds.isEmpty()) {
                index.removeAll(ticketIds);
            }
            LOG.info("Erasure " + audit.id() + " (reference " + reference + ") in tenant " + tenantId + ": "
                    + ticketIds.size() + " ticket(s) erased");
            return new ErasureReceipt(audit.id(), ticketIds.size(), ticketIds);
        } finally {
            index.writes().unlock();
        }
    }
}
