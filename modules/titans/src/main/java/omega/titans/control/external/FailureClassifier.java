package omega.titans.control.external;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.util.Map;

import dev.langchain4j.exception.HttpException;

import omega.titans.api.FailureKind;
import omega.titans.api.NonRetryableTitanException;
import omega.titans.api.RetryableTitanException;
import omega.titans.api.TitanException;

/**
 * Classifies whatever a langchain4j model threw. langchain4j wraps the real cause (its exception mapper keeps it as
 * the cause), so the chain is searched for what happened: the provider's HTTP answer, a timeout, an unreachable
 * host, a body the model's JSON reader could not parse.
 */
final class FailureClassifier {

    private final ErrorTranslator translator;
    private final Clock clock;

    FailureClassifier(Provider.Protocol protocol, Clock clock) {
        this.translator = ErrorTranslator.of(protocol);
        this.clock = clock;
    }

    TitanException classify(String titanId, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TitanException titan) {
                return titan;
            }
            if (t instanceof ProviderHttpException http) {
                return translator.translate(titanId, http, clock);
            }
            if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException
                    || t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return new RetryableTitanException(titanId, FailureKind.UNREACHABLE, describe(t), null, failure);
            }
            if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
                return new RetryableTitanException(titanId, FailureKind.TIMEOUT, describe(t), null, failure);
            }
            if (t instanceof HttpException http) {
                return translator.translate(titanId, new ProviderHttpException(http.statusCode(), Map.of(),
                        http.getMessage()), clock);
            }
            if (t.getClass().getName().startsWith("com.fasterxml.jackson.")) {
                return new NonRetryableTitanException(titanId, FailureKind.MALFORMED_RESPONSE,
                        "the provider's answer is not valid JSON in its documented shape: " + firstLine(t), failure);
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return new RetryableTitanException(titanId, FailureKind.UNREACHABLE, describe(t), null, failure);
            }
        }
        return new NonRetryableTitanException(titanId, FailureKind.UNKNOWN, describe(failure), failure);
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + firstLine(t));
    }

    private static String firstLine(Throwable t) {
        String message = String.valueOf(t.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
