package omega.titans.control.external;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import omega.titans.api.FailureKind;
import omega.titans.api.TitanException;

/**
 * Gemini's errors, {@code {"error": {code, message, status, details: [...]}}} in google.rpc form:
 * {@code RESOURCE_EXHAUSTED} is retryable after {@code RetryInfo.retryDelay} — unless a {@code QuotaFailure}
 * names a per-day quota, which no retry within the day can fix; {@code UNAVAILABLE} is an overload.
 */
final class GeminiErrors implements ErrorTranslator {

    private static final String RETRY_INFO = "type.googleapis.com/google.rpc.RetryInfo";
    private static final String QUOTA_FAILURE = "type.googleapis.com/google.rpc.QuotaFailure";

    @Override
    public TitanException translate(String titanId, ProviderHttpException http, Clock clock) {
        Optional<JsonObject> error = ErrorBody.errorObject(http.body());
        String status = error.map(e -> ErrorBody.text(e, "status")).orElse("");
        JsonArray details = error.map(e -> e.get("details") instanceof JsonArray a ? a : null)
                .orElse(JsonValue.EMPTY_JSON_ARRAY);
        FailureKind kind = switch (status) {
            case "RESOURCE_EXHAUSTED" -> dailyQuota(details) ? FailureKind.QUOTA_EXHAUSTED : FailureKind.RATE_LIMITED;
            case "UNAVAILABLE" -> FailureKind.OVERLOADED;
            case "DEADLINE_EXCEEDED" -> FailureKind.TIMEOUT;
            case "INTERNAL" -> FailureKind.SERVER_ERROR;
            case "UNAUTHENTICATED", "PERMISSION_DENIED" -> FailureKind.AUTHENTICATION;
            case "INVALID_ARGUMENT", "NOT_FOUND", "FAILED_PRECONDITION" -> FailureKind.BAD_REQUEST;
            default -> ErrorTranslator.byStatus(http.statusCode());
        };
        Duration retryAfter = retryDelay(details).or(() -> RetryDelays.fromHeaders(http, clock)).orElse(null);
        String detail = status + ": " + ErrorBody.message(error, http.body());
        return ErrorTranslator.failure(titanId, kind, http.statusCode(), detail, retryAfter, http);
    }

    private static Optional<Duration> retryDelay(JsonArray details) {
        return details.stream()
                .filter(d -> d instanceof JsonObject o && RETRY_INFO.equals(ErrorBody.text(o, "@type")))
                .map(d -> ErrorBody.text((JsonObject) d, "retryDelay"))
                .filter(delay -> delay != null)
                .findFirst()
                .flatMap(RetryDelays::goDuration);
    }

    private static boolean dailyQuota(JsonArray details) {
        return details.stream()
                .filter(d -> d instanceof JsonObject o && QUOTA_FAILURE.equals(ErrorBody.text(o, "@type")))
                .map(d -> ((JsonObject) d).get("violations"))
                .filter(v -> v instanceof JsonArray)
                .flatMap(v -> ((JsonArray) v).stream())
                .filter(v -> v instanceof JsonObject)
                .map(v -> ErrorBody.text((JsonObject) v, "quotaId"))
                .anyMatch(id -> id != null && id.contains("PerDay"));
    }
}
