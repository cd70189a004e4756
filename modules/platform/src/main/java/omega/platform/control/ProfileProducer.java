package omega.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import omega.platform.api.Profile;

/** Makes the running {@link Profile} ({@code omega.profile}, env {@code OMEGA_PROFILE}) injectable. */
@ApplicationScoped
public class ProfileProducer {

    @Inject
    @ConfigProperty(name = "omega.profile", defaultValue = "all")
    String configured;

    private Profile profile;

    @Produces
    Profile profile() {
        if (profile == null) {
            profile = Profile.parse(configured);
        }
        return profile;
    }
}
