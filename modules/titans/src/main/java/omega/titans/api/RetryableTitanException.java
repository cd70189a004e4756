package omega.titans.api;

import java.time.Duration;
import java.util.Optional;

/** The same request may succeed later: a rate limit, an overload, a 5xx, a timeout. */
public class RetryableTitanException extends TitanException {

    private final Duration retryAfter;

    /** @param retryAfter how long the provider asked to wait, or null when it did not say */
    public RetryableTitanException(String titanId, FailureKind kind, String message, Duration retryAfter,
                                   Throwable cause) {
        super(titanId, kind, message + (retryAfter == null ? "" : " (retry after " + retryAfter.toMillis() + " ms)"),
                cause);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
