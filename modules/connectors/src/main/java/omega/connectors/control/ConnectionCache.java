package omega.connectors.control;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import omega.connectors.api.PsaPlatform;
import omega.connectors.entity.Connection;

/**
 * The connections webhooks look up on every delivery (signing secret, Salesforce organization), kept for a short
 * time so a busy webhook does not query the database per request. Changes made through this server apply at once
 * ({@link #forget}); changes made on another replica sharing the database apply within the time to live.
 */
final class ConnectionCache {

    private record Entry(Optional<Connection> connection, long expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final LongSupplier nanoTime;

    ConnectionCache(Duration ttl, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    Optional<Connection> get(String tenantId, PsaPlatform platform, Supplier<Optional<Connection>> load) {
        if (ttlNanos <= 0) {
            return load.get();
        }
        String key = tenantId + '\u0000' + platform.slug();
        long now = nanoTime.getAsLong();
        Entry e = entries.get(key);
        if (e != null && now - e.expiresAt() < 0) {
            return e.connection();
        }
        Optional<Connection> loaded = load.get();
        if (entries.size() > 10_000) {
            entries.clear(); // bounded: many tenants just reload
        }
        entries.put(key, new Entry(loaded, now + ttlNanos));
        return loaded;
    }

    void forget(String tenantId, PsaPlatform platform) {
        entries.remove(tenantId + '\u0000' + platform.slug());
    }
}
