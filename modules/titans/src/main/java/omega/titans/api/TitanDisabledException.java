package omega.titans.api;

/** No key or endpoint is configured for this titan, so it makes no calls. */
public class TitanDisabledException extends NonRetryableTitanException {

    public TitanDisabledException(String titanId) {
        super(titanId, FailureKind.DISABLED, "not configured (set titans." + titanId + ".api-key or .base-url)", null);
    }
}
