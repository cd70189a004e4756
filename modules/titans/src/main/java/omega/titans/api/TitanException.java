package omega.titans.api;

/** A call to an external titan failed; see {@link RetryableTitanException} and {@link NonRetryableTitanException}. */
public abstract class TitanException extends RuntimeException {

    private final String titanId;
    private final FailureKind kind;

    protected TitanException(String titanId, FailureKind kind, String message, Throwable cause) {
        super(titanId + ": " + kind.metricName() + ": " + message, cause);
        this.titanId = titanId;
        this.kind = kind;
    }

    public String titanId() {
        return titanId;
    }

    public FailureKind kind() {
        return kind;
    }
}
