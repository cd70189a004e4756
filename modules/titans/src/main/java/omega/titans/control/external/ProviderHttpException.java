package omega.titans.control.external;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.langchain4j.exception.HttpException;

/**
 * A provider's non-2xx answer with its headers (langchain4j's own {@link HttpException} keeps only status and body,
 * but {@code retry-after} is a header). langchain4j wraps it; {@link FailureClassifier} finds it in the cause chain.
 */
public class ProviderHttpException extends HttpException {

    private final Map<String, List<String>> headers;
    private final String body;

    public ProviderHttpException(int statusCode, Map<String, List<String>> headers, String body) {
        super(statusCode, body);
        this.headers = Map.copyOf(headers);
        this.body = body == null ? "" : body;
    }

    public String body() {
        return body;
    }

    /** @return the first value of a header, matched case-insensitively */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .flatMap(e -> e.getValue().stream())
                .findFirst();
    }
}
