package omega.context.control;

import java.io.Closeable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open {@link TenantIndex} of each tenant, opened (and reconciled with the store) on first use. A tenant
 * being opened (which can take a while when its indexes are rebuilt) blocks only the callers of that tenant.
 */
final class TenantIndexes implements Closeable {

    private final Map<String, Opening> open = new ConcurrentHashMap<>();
    private final IndexLoader loader;

    TenantIndexes(IndexLoader loader) {
        this.loader = loader;
    }

    TenantIndex of(String tenantId) {
        Opening opening = open.computeIfAbsent(tenantId, Opening::new);
        try {
            return opening.index();
        } catch (RuntimeException e) {
            open.remove(tenantId, opening); // the next call tries again
            throw e;
        }
    }

    void reconcile(TenantIndex index) {
        loader.reconcile(index);
    }

    @Override
    public void close() {
        open.values().forEach(Opening::close);
        open.clear();
    }

    private final class Opening {
        private final String tenantId;
        private TenantIndex index;

        Opening(String tenantId) {
            this.tenantId = tenantId;
        }

        synchronized TenantIndex index() {
            if (index == null) {
                index = loader.open(tenantId);
            }
            return index;
        }

        synchronized void close() {
            if (index != null) {
                index.close();
            }
        }
    }
}
