package omega.titans.api;

/** Sending the same request again cannot help: no quota, a bad key, a malformed answer, a cost cap, ... */
public class NonRetryableTitanException extends TitanException {

    public NonRetryableTitanException(String titanId, FailureKind kind, String message, Throwable cause) {
        super(titanId, kind, message, cause);
    }
}
