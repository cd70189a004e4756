package omega.connectors.control;

import java.util.EnumMap;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import omega.connectors.api.PsaPlatform;

/** The one {@link TicketNormalizer} per platform. */
@ApplicationScoped
public class Normalizers {

    @Inject
    @Any
    Instance<TicketNormalizer> all;

    private final Map<PsaPlatform, TicketNormalizer> byPlatform = new EnumMap<>(PsaPlatform.class);

    @PostConstruct
    void index() {
        for (TicketNormalizer normalizer : all) {
            byPlatform.put(normalizer.platform(), normalizer);
        }
        for (PsaPlatform platform : PsaPlatform.values()) {
            if (!byPlatform.containsKey(platform)) {
                throw new IllegalStateException("No normalizer for " + platform.slug());
            }
        }
    }

    public TicketNormalizer of(PsaPlatform platform) {
        return byPlatform.get(platform);
    }
}
