package omega.connectors.control;

/** A PSA API call that failed. {@link #retryable()}: rate limited (429), 5xx or I/O — worth retrying. */
public class PollFailed extends RuntimeException {

    private final boolean retryable;

    public PollFailed(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }

    /** The retryable kind, for {@code @Retry(retryOn)} and {@code @CircuitBreaker(failOn)}. */
    public static class Transient extends PollFailed {
        public Transient(String message) {
            super(message, true);
        }
    }
}
