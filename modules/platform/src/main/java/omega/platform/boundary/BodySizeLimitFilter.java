package omega.platform.boundary;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import omega.platform.api.LimitedBody;
import omega.platform.api.ProblemException;

/**
 * Rejects bodies over {@code omega.http.max-body-bytes} (default 1 MiB) with 413: at once when the
 * Content-Length says so, otherwise as soon as a streamed body crosses the limit. Paths listed in
 * {@code omega.http.streamed-paths} (relative to {@code /api}, e.g. {@code v1/history}) are exempt: their
 * resources stream the body and enforce their own, larger limit.
 */
@Provider
@PreMatching
@Priority(100)
public class BodySizeLimitFilter implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "omega.http.max-body-bytes", defaultValue = "1048576")
    long maxBytes;

    @Inject
    @ConfigProperty(name = "omega.http.streamed-paths")
    Optional<List<String>> streamedPaths;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (streamedPaths.orElse(List.of()).stream().map(String::trim).anyMatch(p -> !p.isEmpty() && p.equals(relative))) {
            return;
        }
        if (request.getLength() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        request.setEntityStream(new LimitedBody(request.getEntityStream(), maxBytes, () -> tooLarge(maxBytes)));
    }

    static ProblemException tooLarge(long max) {
        return new ProblemException(413, "payload-too-large", "Payload too large",
                "The request body exceeds the limit of " + max + " bytes");
    }
}
