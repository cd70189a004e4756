package omega.titans.control.external;

import java.time.Clock;
import java.time.Duration;

import omega.titans.api.FailureKind;
import omega.titans.api.NonRetryableTitanException;
import omega.titans.api.RetryableTitanException;
import omega.titans.api.TitanException;

/** Turns one provider's error answer into a retryable or non-retryable {@link TitanException}. */
interface ErrorTranslator {

    TitanException translate(String titanId, ProviderHttpException http, Clock clock);

    static ErrorTranslator of(Provider.Protocol protocol) {
        return switch (protocol) {
            case OPENAI -> new OpenAiErrors();
            case ANTHROPIC -> new AnthropicErrors();
            case GEMINI -> new GeminiErrors();
        };
    }

    /** The kind an HTTP status means when the body says nothing more specific. */
    static FailureKind byStatus(int status) {
        if (status == 401 || status == 403) {
            return FailureKind.AUTHENTICATION;
        }
        if (status == 402) {
            return FailureKind.QUOTA_EXHAUSTED;
        }
        if (status == 408) {
            return FailureKind.TIMEOUT;
        }
        if (status == 413) {
            return FailureKind.REQUEST_TOO_LARGE;
        }
        if (status == 429) {
            return FailureKind.RATE_LIMITED;
        }
        if (status == 503 || status == 529) {
            return FailureKind.OVERLOADED;
        }
        if (status >= 500) {
            return FailureKind.SERVER_ERROR;
        }
        return status >= 400 ? FailureKind.BAD_REQUEST : FailureKind.UNKNOWN;
    }

    static TitanException failure(String titanId, FailureKind kind, int status, String message, Duration retryAfter,
                                  Throwable cause) {
        String text = "HTTP " + status + " " + message;
        return kind.retryable()
                ? new RetryableTitanException(titanId, kind, text, retryAfter, cause)
                : new NonRetryableTitanException(titanId, kind, text, cause);
    }
}
