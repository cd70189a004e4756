package omega.context.api;

import java.time.Duration;
import java.util.Optional;

/**
 * Short-term memory: small values (usually JSON) that expire. Bounded in value size and, in process, in the
 * number of entries (least recently used first out); an expired or evicted entry reads as empty.
 */
public interface WorkingMemory {

    Optional<String> get(WorkingKey key);

    /** Stores the value with the default time to live. */
    void put(WorkingKey key, String value);

    void put(WorkingKey key, String value, Duration ttl);

    /** @return true when an entry was there */
    boolean delete(WorkingKey key);

    /** Deletes every slot of one owner (a ticket or a session). @return how many entries were deleted */
    int clear(String tenantId, WorkingScope scope, String ownerId);
}
