package omega.context.control;

import java.util.function.Consumer;

/**
 * A store several replicas write to (PostgreSQL): each write bumps the tenant's revision, so a replica can add
 * what others wrote since the revision it last saw, and notice an erasure it has to reconcile.
 */
interface SharedStore {

    StoreRevision revision(String tenantId);

    /** Hands the tenant's tickets written in revisions {@code (after, upTo]} to the action, with their vectors. */
    void forEachChanged(String tenantId, long after, long upTo, Consumer<StoredTicket> action);
}
