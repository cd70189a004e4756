package omega.platform.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import omega.platform.api.ProblemException;
import omega.platform.api.Profile;

/** Worker profiles serve no API: every {@code /api/**} request answers 404 there (health stays up). */
@Provider
@PreMatching
@Priority(10)
public class ProfileGateFilter implements ContainerRequestFilter {

    @Inject
    Profile profile;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!profile.servesApi()) {
            throw new ProblemException(404, "not-found", "Not found",
                    "This OMEGA process runs the " + profile.key() + " profile and serves no API");
        }
    }
}
