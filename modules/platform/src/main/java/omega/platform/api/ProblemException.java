package omega.platform.api;

import java.util.Map;

/**
 * A failure that becomes an {@code application/problem+json} answer (RFC 9457).
 * {@code type} is a stable slug; it is published as {@code https://omega.dev/problems/<type>}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final Map<String, String> errors;

    public ProblemException(int status, String type, String title, String detail, Map<String, String> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? Map.of() : Map.copyOf(errors);
    }

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, Map.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail);
    }

    public static ProblemException invalid(String detail, Map<String, String> errors) {
        return new ProblemException(400, "validation-failed", "The request is not valid", detail, errors);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, String> errors() {
        return errors;
    }
}
