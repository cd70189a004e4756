package omega.triage.boundary;

import java.io.InputStream;

import omega.platform.api.LimitedBody;
import omega.platform.api.ProblemException;

/**
 * A streamed request body that may not exceed {@code max} bytes: reading past it fails with 413 problem+json naming
 * the config key (the path is exempt from {@code omega.http.max-body-bytes}, so this is its only limit).
 */
final class UploadLimit {

    private UploadLimit() {
    }

    /** @return the body, limited; refused at once when its declared length is over the limit */
    static InputStream of(InputStream body, String contentLength, long max, String key) {
        if (contentLength != null && !contentLength.isBlank()) {
            try {
                if (Long.parseLong(contentLength.trim()) > max) {
                    throw tooLarge(max, key);
                }
            } catch (NumberFormatException ignored) {
                // a malformed length is the container's business; the count below still limits the body
            }
        }
        return new LimitedBody(body, max, () -> tooLarge(max, key));
    }

    static ProblemException tooLarge(long max, String key) {
        return new ProblemException(413, "payload-too-large", "Payload too large",
                "The upload exceeds " + key + " = " + max + " bytes; lines read before the limit were stored, send the"
                        + " rest in another request");
    }
}
