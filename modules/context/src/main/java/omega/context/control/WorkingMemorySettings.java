package omega.context.control;

import java.time.Duration;
import java.util.Map;

import omega.platform.api.ProblemException;

/**
 * Bounds of short-term memory.
 *
 * @param defaultTtl    time to live of a value put without one
 * @param maxTtl        the longest time to live a caller may ask for
 * @param maxEntries    entries kept in process before the least recently used goes (Redis: its maxmemory policy)
 * @param maxValueChars the largest value accepted
 */
public record WorkingMemorySettings(Duration defaultTtl, Duration maxTtl, int maxEntries, int maxValueChars) {

    public static final WorkingMemorySettings DEFAULTS =
            new WorkingMemorySettings(Duration.ofHours(8), Duration.ofDays(7), 10_000, 64 * 1024);

    void check(String value, Duration ttl) {
        if (value == null) {
            throw ProblemException.invalid("A working memory value is required", Map.of("value", "must not be null"));
        }
        if (value.length() > maxValueChars) {
            throw new ProblemException(413, "payload-too-large", "Working memory value too large",
                    "A working memory value may have at most " + maxValueChars + " characters");
        }
        if (ttl == null || ttl.toMillis() < 1 || ttl.compareTo(maxTtl) > 0) {
            throw ProblemException.invalid("Invalid time to live",
                    Map.of("ttl", "must be between 1 ms and " + maxTtl));
        }
    }
}
