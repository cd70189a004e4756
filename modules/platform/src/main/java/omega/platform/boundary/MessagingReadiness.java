package omega.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;

import omega.platform.control.ChannelHealth;
import omega.platform.control.PlatformStartup;

/** Ready when start-up finished and every channel's JMS client is connected. */
@Readiness
@ApplicationScoped
public class MessagingReadiness implements HealthCheck {

    @Inject
    @Connector(OmegaJmsConnector.NAME)
    OmegaJmsConnector connector;

    @Inject
    PlatformStartup startup;

    @Override
    public HealthCheckResponse call() {
        boolean started = startup.ready().isDone() && !startup.ready().isCompletedExceptionally();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("messaging");
        boolean up = started;
        for (ChannelHealth channel : connector.channels()) {
            up &= channel.connected();
            builder.withData(channel.channel(), channel.connected() ? "connected"
                    : "down" + (channel.lastError() == null ? "" : ": " + channel.lastError()));
        }
        return builder.status(up).build();
    }
}
