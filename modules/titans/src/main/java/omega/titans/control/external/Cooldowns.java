package omega.titans.control.external;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;

import omega.titans.api.FailureKind;
import omega.titans.api.NonRetryableTitanException;

/**
 * Honours the waits providers ask for ({@code retry-after}, Gemini's {@code RetryInfo}): until a titan's wait has
 * passed, a call first waits out the rest when that is short, and is refused (non-retryable, so the caller falls
 * back at once) when it is longer than the titan's {@code max-retry-after-ms}.
 */
@ApplicationScoped
public class Cooldowns {

    private final Clock clock;
    private final ConcurrentMap<String, Instant> until = new ConcurrentHashMap<>();

    public Cooldowns() {
        this(Clock.systemUTC());
    }

    Cooldowns(Clock clock) {
        this.clock = clock;
    }

    /** The provider asked this titan's callers to wait. */
    public void note(String titanId, Duration wait) {
        Instant end = clock.instant().plus(wait);
        until.merge(titanId, end, (a, b) -> a.isAfter(b) ? a : b);
    }

    public Duration remaining(String titanId) {
        Instant end = until.get(titanId);
        if (end == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), end);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** @throws NonRetryableTitanException (COOLING_DOWN) when the remaining wait is longer than {@code maxWait} */
    public void awaitOrRefuse(String titanId, Duration maxWait) {
        Duration left = remaining(titanId);
        if (left.isZero()) {
            return;
        }
        if (left.compareTo(maxWait) > 0) {
            throw new NonRetryableTitanException(titanId, FailureKind.COOLING_DOWN,
                    "the provider asked to wait " + left.toMillis() + " ms more", null);
        }
        try {
            Thread.sleep(left.toMillis(), left.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NonRetryableTitanException(titanId, FailureKind.COOLING_DOWN, "interrupted while waiting", e);
        }
    }
}
