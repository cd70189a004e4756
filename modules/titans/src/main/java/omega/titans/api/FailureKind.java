package omega.titans.api;

import java.util.Locale;

/** Why a call to an external titan failed; {@link #metricName()} is the {@code kind} of {@code titan_api_errors_total}. */
public enum FailureKind {
    /** the provider's rate limit (HTTP 429 rate_limit_exceeded / rate_limit_error / RESOURCE_EXHAUSTED) */
    RATE_LIMITED(true),
    /** the provider is overloaded (Anthropic 529, Gemini 503 UNAVAILABLE) */
    OVERLOADED(true),
    /** HTTP 5xx */
    SERVER_ERROR(true),
    /** no answer in time (HTTP 408 or the client's read timeout) */
    TIMEOUT(true),
    /** connection refused, reset or the host not resolvable */
    UNREACHABLE(true),
    /** the account has no quota or credit left (insufficient_quota, billing_error, a spend limit, a daily quota) */
    QUOTA_EXHAUSTED(false),
    /** one request is larger than the limit allows; retrying the same request cannot succeed */
    REQUEST_TOO_LARGE(false),
    /** HTTP 401/403: the key is wrong or lacks permission */
    AUTHENTICATION(false),
    /** HTTP 400/404/422: the request or the model name is wrong */
    BAD_REQUEST(false),
    /** the provider answered, but not in its own documented format */
    MALFORMED_RESPONSE(false),
    /** the model's text is not the JSON answer that was asked for */
    MALFORMED_ANSWER(false),
    /** the model answered a value outside the label set (rejected, never applied) */
    OUTSIDE_LABEL_SET(false),
    /** the provider asked to wait longer (retry-after) than OMEGA waits; calls are refused until then */
    COOLING_DOWN(false),
    /** the tenant's monthly cost cap for external titans is reached */
    COST_CAP_REACHED(false),
    /** no key or endpoint is configured for this titan */
    DISABLED(false),
    /** anything else */
    UNKNOWN(false);

    private final boolean retryable;

    FailureKind(boolean retryable) {
        this.retryable = retryable;
    }

    /** @return whether the same request may succeed when sent again later */
    public boolean retryable() {
        return retryable;
    }

    public String metricName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
