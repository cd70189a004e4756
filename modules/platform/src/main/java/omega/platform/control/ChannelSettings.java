package omega.platform.control;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.Config;

/**
 * One {@code omega-jms} channel's attributes ({@code mp.messaging.[incoming|outgoing].<channel>.*}).
 *
 * @param channel         the channel name
 * @param destination     the entity name (queue or topic), defaults to the channel name
 * @param topic           {@code destination-type=topic}
 * @param subscription    durable subscription name (topics); consumers with the same name share the work
 * @param shared          shared subscription (default true when a subscription is named)
 * @param selector        JMS message selector, e.g. {@code tenantId = 'acme'}
 * @param consumers       receiving threads (each its own transacted session)
 * @param maxDeliveries   deliveries before the message goes to the dead-letter queue
 * @param deadLetterQueue the dead-letter entity; default {@code <destination>/$deadletterqueue}
 * @param profiles        profiles in which an incoming channel consumes; empty = every profile
 * @param batchSize       outgoing: messages per local transaction
 * @param ackTimeoutMs    incoming: how long a message may stay unsettled before it counts as failed
 */
public record ChannelSettings(String channel, String destination, boolean topic, String subscription, boolean shared,
        String selector, int consumers, int maxDeliveries, String deadLetterQueue, Set<String> profiles,
        int batchSize, long ackTimeoutMs) {

    public static final String DEAD_LETTER_SUFFIX = "/$deadletterqueue";

    public static ChannelSettings from(Config config) {
        String channel = config.getOptionalValue("channel-name", String.class).orElse("unnamed");
        String destination = config.getOptionalValue("destination", String.class).orElse(channel);
        boolean topic = "topic".equalsIgnoreCase(
                config.getOptionalValue("destination-type", String.class).orElse("queue"));
        String subscription = config.getOptionalValue("subscription", String.class).orElse(null);
        boolean shared = config.getOptionalValue("shared", Boolean.class).orElse(true);
        String selector = config.getOptionalValue("selector", String.class).filter(s -> !s.isBlank()).orElse(null);
        int consumers = config.getOptionalValue("consumers", Integer.class).orElse(1);
        int maxDeliveries = config.getOptionalValue("max-deliveries", Integer.class).orElse(5);
        String dlq = config.getOptionalValue("dead-letter-queue", String.class).orElse(destination + DEAD_LETTER_SUFFIX);
        Set<String> profiles = config.getOptionalValue("profiles", String.class)
                .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
        int batchSize = config.getOptionalValue("batch-size", Integer.class).orElse(100);
        long ackTimeout = config.getOptionalValue("ack-timeout-ms", Long.class).orElse(300_000L);
        if (consumers < 1 || maxDeliveries < 1 || batchSize < 1) {
            throw new IllegalArgumentException("Channel " + channel
                    + ": consumers, max-deliveries and batch-size must be at least 1");
        }
        return new ChannelSettings(channel, destination, topic, subscription, shared, selector, consumers,
                maxDeliveries, dlq, profiles, batchSize, ackTimeout);
    }

    /** @return true when this incoming channel consumes in the given profile */
    public boolean activeIn(String profileKey) {
        return profiles.isEmpty() || profiles.contains(profileKey);
    }
}
