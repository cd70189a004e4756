package omega.platform.boundary;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.eclipse.microprofile.reactive.messaging.spi.IncomingConnectorFactory;
import org.eclipse.microprofile.reactive.messaging.spi.OutgoingConnectorFactory;
import org.eclipse.microprofile.reactive.streams.operators.PublisherBuilder;
import org.eclipse.microprofile.reactive.streams.operators.ReactiveStreams;
import org.eclipse.microprofile.reactive.streams.operators.SubscriberBuilder;

import omega.platform.api.Profile;
import omega.platform.control.ChannelHealth;
import omega.platform.control.ChannelSettings;
import omega.platform.control.ConnectionFactories;
import omega.platform.control.JmsInbound;
import omega.platform.control.JmsOutbound;
import omega.platform.control.PlatformStartup;

/**
 * The {@code omega-jms} Reactive Messaging connector over any {@code jakarta.jms.ConnectionFactory}.
 * An incoming channel whose {@code profiles} attribute does not name the running profile stays silent
 * (no session, no consumer), which is how worker profiles run only their own stage.
 */
@ApplicationScoped
@Connector(OmegaJmsConnector.NAME)
public class OmegaJmsConnector implements IncomingConnectorFactory, OutgoingConnectorFactory {

    public static final String NAME = "omega-jms";
    private static final Logger LOG = Logger.getLogger(OmegaJmsConnector.class.getName());

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    Config config;

    @Inject
    Profile profile;

    @Inject
    PlatformStartup startup;

    private volatile ConnectionFactory factory;
    private final List<AutoCloseable> endpoints = new CopyOnWriteArrayList<>();
    private final List<ChannelHealth> health = new CopyOnWriteArrayList<>();

    @Override
    public PublisherBuilder<? extends Message<?>> getPublisherBuilder(Config channelConfig) {
        ChannelSettings settings = ChannelSettings.from(channelConfig);
        if (!settings.activeIn(profile.key())) {
            LOG.info(() -> "omega-jms channel " + settings.channel() + " is not consumed in profile " + profile.key());
            return ReactiveStreams.fromPublisher(subscriber -> subscriber.onSubscribe(new org.reactivestreams.Subscription() {
                @Override
                public void request(long n) {
                    // silent: this profile does not consume the channel
                }

                @Override
                public void cancel() {
                    // nothing to release
                }
            }));
        }
        JmsInbound inbound = new JmsInbound(factory(), threads(), settings, startup.ready());
        endpoints.add(inbound);
        health.add(inbound.health());
        inbound.start();
        LOG.info(() -> "omega-jms consuming " + describe(settings) + " on channel " + settings.channel());
        return inbound.publisher();
    }

    @Override
    public SubscriberBuilder<? extends Message<?>, Void> getSubscriberBuilder(Config channelConfig) {
        ChannelSettings settings = ChannelSettings.from(channelConfig);
        JmsOutbound outbound = new JmsOutbound(factory(), threads(), settings);
        endpoints.add(outbound);
        health.add(outbound.health());
        outbound.start();
        return outbound.subscriber();
    }

    /** @return the JMS client state of every channel this connector opened */
    public List<ChannelHealth> channels() {
        return List.copyOf(health);
    }

    @PreDestroy
    void close() {
        for (AutoCloseable endpoint : endpoints) {
            try {
                endpoint.close();
            } catch (Exception e) {
                LOG.warning("omega-jms: closing a channel failed: " + e);
            }
        }
    }

    private ThreadFactory threads() {
        return threadFactory;
    }

    private ConnectionFactory factory() {
        ConnectionFactory f = factory;
        if (f == null) {
            synchronized (this) {
                if (factory == null) {
                    factory = ConnectionFactories.from(config);
                }
                f = factory;
            }
        }
        return f;
    }

    private static String describe(ChannelSettings s) {
        return (s.topic() ? "topic " : "queue ") + s.destination()
                + (s.subscription() == null ? "" : " (subscription " + s.subscription() + ")")
                + (s.selector() == null ? "" : " [" + s.selector() + "]");
    }
}
