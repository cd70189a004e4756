package omega.platform.boundary;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import omega.platform.api.ProblemException;

/**
 * Every failure leaves as {@code application/problem+json} with a stable type and no stack trace.
 * Unexpected failures are logged with an error id that the answer carries.
 */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable failure) {
        String instance = uri == null ? null : uri.getRequestUri().getPath();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProblemException p) {
                return Problems.response(p, instance);
            }
            if (t instanceof JsonbException || t instanceof JsonParsingException) {
                return Problems.response(400, "malformed-json", "Malformed JSON",
                        "The request body is not valid JSON", instance);
            }
        }
        if (failure instanceof WebApplicationException wae) {
            int status = wae.getResponse().getStatus();
            return Problems.response(status, slug(status), reason(status), detail(status), instance);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure " + errorId + " on " + instance, failure);
        return Problems.response(500, "internal-error", "Internal error",
                "Something went wrong on our side; quote error id " + errorId, instance);
    }

    private static String slug(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal-error" : "http-" + status;
        };
    }

    private static String reason(int status) {
        Response.Status s = Response.Status.fromStatusCode(status);
        return s == null ? "HTTP " + status : s.getReasonPhrase();
    }

    private static String detail(int status) {
        return switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed on this resource";
            case 415 -> "Send application/json";
            case 406 -> "This resource answers application/json";
            default -> null;
        };
    }
}
