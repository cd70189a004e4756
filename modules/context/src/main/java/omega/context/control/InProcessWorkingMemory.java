package omega.context.control;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import omega.context.api.WorkingKey;
import omega.context.api.WorkingMemory;
import omega.context.api.WorkingScope;

/**
 * The embedded default short-term memory: an access-ordered map bounded in entries (least recently used out)
 * and value size; an entry past its time to live reads as absent and is dropped. Lost on restart, by design.
 */
public final class InProcessWorkingMemory implements WorkingMemory {

    private final WorkingMemorySettings settings;
    private final Clock clock;
    private final LinkedHashMap<WorkingKey, Entry> entries;

    public InProcessWorkingMemory(WorkingMemorySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<WorkingKey, Entry> eldest) {
                return size() > settings.maxEntries();
            }
        };
    }

    @Override
    public synchronized Optional<String> get(WorkingKey key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.expired(clock.millis())) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(entry.value);
    }

    @Override
    public void put(WorkingKey key, String value) {
        put(key, value, settings.defaultTtl());
    }

    @Override
    public synchronized void put(WorkingKey key, String value, Duration ttl) {
        settings.check(value, ttl);
        entries.put(key, new Entry(value, clock.millis() + ttl.toMillis()));
    }

    @Override
    public synchronized boolean delete(WorkingKey key) {
        Entry removed = entries.remove(key);
        return removed != null && !removed.expired(clock.millis());
    }

    @Override
    public synchronized int clear(String tenantId, WorkingScope scope, String ownerId) {
        int removed = 0;
        for (Iterator<WorkingKey> keys = entries.keySet().iterator(); keys.hasNext();) {
            WorkingKey key = keys.next();
            if (key.tenantId().equals(tenantId) && key.scope() == scope && key.ownerId().equals(ownerId)) {
                keys.remove();
                removed++;
            }
        }
        return removed;
    }

    synchronized int size() {
        return entries.size();
    }

    private record Entry(String value, long expiresAtMillis) {
        boolean expired(long nowMillis) {
            return nowMillis >= expiresAtMillis;
        }
    }
}
