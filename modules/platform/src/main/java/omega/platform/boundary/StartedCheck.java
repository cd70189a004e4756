package omega.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

import omega.platform.api.Profile;
import omega.platform.control.PlatformStartup;

/** Started = schema migrated and bootstrap done. */
@Startup
@ApplicationScoped
public class StartedCheck implements HealthCheck {

    @Inject
    PlatformStartup startup;

    @Inject
    Profile profile;

    @Override
    public HealthCheckResponse call() {
        boolean done = startup.ready().isDone() && !startup.ready().isCompletedExceptionally();
        return HealthCheckResponse.named("omega-started").status(done).withData("profile", profile.key()).build();
    }
}
