package omega.titans.control.external;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.json.JsonObject;

import omega.titans.api.FailureKind;
import omega.titans.api.TitanException;

/**
 * Anthropic's errors, {@code {"type":"error","error":{type, message, details?},"request_id"}}: 429
 * {@code rate_limit_error} and 529 {@code overloaded_error} are retryable (honouring {@code retry-after}); a 429
 * whose {@code details.error_code} is {@code enforced_spend_limit_reached} and a 402 {@code billing_error} are not.
 */
final class AnthropicErrors implements ErrorTranslator {

    @Override
    public TitanException translate(String titanId, ProviderHttpException http, Clock clock) {
        Optional<JsonObject> error = ErrorBody.errorObject(http.body());
        String type = error.map(e -> ErrorBody.text(e, "type")).orElse("");
        String errorCode = error.map(e -> e.get("details") instanceof JsonObject d ? ErrorBody.text(d, "error_code") : null)
                .orElse("");
        FailureKind kind = ErrorTranslator.byStatus(http.statusCode());
        if ("enforced_spend_limit_reached".equals(errorCode) || "billing_error".equals(type)) {
            kind = FailureKind.QUOTA_EXHAUSTED;
        } else if ("overloaded_error".equals(type)) {
            kind = FailureKind.OVERLOADED;
        } else if ("rate_limit_error".equals(type)) {
            kind = FailureKind.RATE_LIMITED;
        } else if ("request_too_large".equals(type)) {
            kind = FailureKind.REQUEST_TOO_LARGE;
        }
        Duration retryAfter = RetryDelays.fromHeaders(http, clock).orElse(null);
        String detail = type + ": " + ErrorBody.message(error, http.body())
                + http.header("request-id").map(id -> " [" + id + "]").orElse("");
        return ErrorTranslator.failure(titanId, kind, http.statusCode(), detail, retryAfter, http);
    }
}
