package omega.connectors.api;

import java.util.Map;

import omega.platform.api.ProblemException;

/**
 * A source payload that cannot become a canonical ticket. {@link #reason()} is a stable code (also the
 * problem type, so an intake resource answers it as {@code application/problem+json}); the message says what
 * was wrong and names the source field.
 */
public class NormalizationFailed extends ProblemException {

    public static final String MALFORMED_JSON = "malformed-json";
    public static final String MALFORMED_XML = "malformed-xml";
    public static final String MISSING_FIELD = "missing-field";
    public static final String INVALID_FIELD = "invalid-field";
    public static final String UNSUPPORTED_EVENT = "unsupported-event";
    public static final String ORGANIZATION_MISMATCH = "organization-mismatch";

    private final PsaPlatform platform;

    public NormalizationFailed(PsaPlatform platform, String reason, String detail, Map<String, String> errors) {
        super(UNSUPPORTED_EVENT.equals(reason) ? 422 : ORGANIZATION_MISMATCH.equals(reason) ? 403 : 400,
                reason, "The " + platform.slug() + " payload cannot be normalized",
                platform.slug() + ": " + detail, errors);
        this.platform = platform;
    }

    public NormalizationFailed(PsaPlatform platform, String reason, String detail) {
        this(platform, reason, detail, Map.of());
    }

    public static NormalizationFailed missingField(PsaPlatform platform, String field, String meaning) {
        return new NormalizationFailed(platform, MISSING_FIELD,
                "missing field '" + field + "' (" + meaning + ")", Map.of(field, "is required"));
    }

    public static NormalizationFailed invalidField(PsaPlatform platform, String field, String problem) {
        return new NormalizationFailed(platform, INVALID_FIELD, "field '" + field + "' " + problem,
                Map.of(field, problem));
    }

    /** @return the stable reason code, e.g. {@code missing-field} (same as {@link #type()}) */
    public String reason() {
        return type();
    }

    public PsaPlatform platform() {
        return platform;
    }
}
