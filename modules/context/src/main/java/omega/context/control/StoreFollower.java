package omega.context.control;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Keeps this replica's indexes in step with a {@link SharedStore} other replicas write to: before a search (at
 * most once per interval and tenant) it reads the tenant's revision and indexes what was written since the
 * revision it last saw; after another replica's erasure it reconciles the tenant's indexes with the store.
 */
final class StoreFollower {

    private static final Logger LOG = Logger.getLogger(StoreFollower.class.getName());
    private static final int BATCH = 1_000;

    private final SharedStore store;
    private final TenantIndexes indexes;
    private final long intervalMillis;
    private final Clock clock;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    StoreFollower(SharedStore store, TenantIndexes indexes, long intervalMillis, Clock clock) {
        this.store = store;
        this.indexes = indexes;
        this.intervalMillis = intervalMillis;
        this.clock = clock;
    }

    /** Records where the store stood before the tenant's indexes are first opened (opening reads all of it). */
    void beforeOpen(String tenantId) {
        seen.computeIfAbsent(tenantId, t -> new Seen(store.revision(t), clock.millis()));
    }

    /** Indexes what other replicas wrote since the last look (throttled per tenant). */
    void catchUp(TenantIndex index) {
        Seen last = seen.get(index.tenantId());
        if (last == null || clock.millis() - last.checkedAt < intervalMillis) {
            return;
        }
        synchronized (last) {
            long now = clock.millis();
            if (now - last.checkedAt < intervalMillis) {
                return;
            }
            last.checkedAt = now;
            StoreRevision current = store.revision(index.tenantId());
            if (current.revision() <= last.revision.revision()) {
                return;
            }
            index.writes().lock();
            try {
                if (current.erasedRevision() > last.revision.erasedRevision()) {
                    indexes.reconcile(index);
                }
                int[] added = {0};
                List<StoredTicket> batch = new ArrayList<>();
                store.forEachChanged(index.tenantId(), last.revision.revision(), current.revision(), stored -> {
                    batch.add(stored);
                    added[0]++;
                    if (batch.size() >= BATCH) {
                        index.putAll(List.copyOf(batch));
                        batch.clear();
                    }
                });
                if (!batch.isEmpty()) {
                    index.putAll(batch);
                }
                LOG.fine(() -> "Memory of tenant " + index.tenantId() + " followed the store to revision "
                        + current.revision() + ": " + added[0] + " ticket(s) indexed");
            } finally {
                index.writes().unlock();
            }
            last.revision = current;
        }
    }

    private static final class Seen {
        StoreRevision revision;
        long checkedAt;

        Seen(StoreRevision revision, long checkedAt) {
            this.revision = revision;
            this.checkedAt = checkedAt;
        }
    }
}
