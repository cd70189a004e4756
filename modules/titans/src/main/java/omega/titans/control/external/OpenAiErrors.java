package omega.titans.control.external;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.json.JsonObject;

import omega.titans.api.FailureKind;
import omega.titans.api.TitanException;

/**
 * OpenAI's (and the OpenAI-compatible xAI and Augment endpoints') errors, {@code {"error": {message, type, param,
 * code}}}. A 429 is retryable only as {@code rate_limit_exceeded}, and not when one request alone is too large;
 * {@code insufficient_quota} never is.
 */
final class OpenAiErrors implements ErrorTranslator {

    @Override
    public TitanException translate(String titanId, ProviderHttpException http, Clock clock) {
        Optional<JsonObject> error = ErrorBody.errorObject(http.body());
        String code = error.map(e -> ErrorBody.text(e, "code")).orElse("");
        String type = error.map(e -> ErrorBody.text(e, "type")).orElse("");
        String message = ErrorBody.message(error, http.body());
        FailureKind kind = ErrorTranslator.byStatus(http.statusCode());
        if ("insufficient_quota".equals(code) || "insufficient_quota".equals(type)) {
            kind = FailureKind.QUOTA_EXHAUSTED;
        } else if (http.statusCode() == 429 && message.startsWith("Request too large")) {
            kind = FailureKind.REQUEST_TOO_LARGE;
        } else if ("rate_limit_exceeded".equals(code)) {
            kind = FailureKind.RATE_LIMITED;
        }
        Duration retryAfter = RetryDelays.fromHeaders(http, clock)
                .or(() -> RetryDelays.fromMessage(message)).orElse(null);
        String detail = (code.isEmpty() ? type : code) + ": " + message;
        return ErrorTranslator.failure(titanId, kind, http.statusCode(), detail, retryAfter, http);
    }
}
