package omega.platform.control;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import jakarta.jms.ConnectionFactory;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.streams.operators.ReactiveStreams;

import omega.platform.api.Envelope;

/**
 * Drives {@link JmsInbound} and {@link JmsOutbound} the way Reactive Messaging does, without Liberty: the
 * outbound subscriber and the inbound publisher are run by the MicroProfile Reactive Streams engine on the
 * test class path.
 */
public final class ConnectorHarness {

    public static final ThreadFactory DAEMON_THREADS = runnable -> {
        Thread t = new Thread(runnable);
        t.setDaemon(true);
        return t;
    };

    private ConnectorHarness() {
    }

    public static ChannelSettings queue(String channel, String queue, String selector, int maxDeliveries) {
        return new ChannelSettings(channel, queue, false, null, false, selector, 1, maxDeliveries,
                queue + ChannelSettings.DEAD_LETTER_SUFFIX, Set.of(), 50, 30_000);
    }

    public static ChannelSettings topic(String channel, String topic, String subscription, int maxDeliveries) {
        return new ChannelSettings(channel, topic, true, subscription, true, null, 1, maxDeliveries,
                topic + ChannelSettings.DEAD_LETTER_SUFFIX, Set.of(), 50, 30_000);
    }

    /**
     * Sends through a fresh {@link JmsOutbound} (local transactions of up to batch-size messages) and waits
     * until every message was acked, which JmsOutbound does only after the commit.
     */
    public static void send(ConnectionFactory factory, ChannelSettings settings, List<Envelope> messages) {
        try (JmsOutbound outbound = new JmsOutbound(factory, DAEMON_THREADS, settings)) {
            outbound.start();
            ReactiveStreams.fromIterable(new ArrayList<Message<?>>(messages)).to(outbound.subscriber()).run();
            CompletableFuture<?>[] settled = messages.stream().map(m -> m.settled().toCompletableFuture())
                    .toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(settled).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("sending " + messages.size() + " message(s) to " + settings.destination()
                    + " was not acknowledged: " + e, e);
        }
    }

    /** Polls until the condition holds; fails after the timeout. */
    public static void awaitUntil(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeout.toMillis() + " ms waiting for: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for: " + what);
            }
        }
    }

    /**
     * The downstream of one inbound channel, like an {@code @Incoming} method: records every delivery and
     * acks it, or nacks it when the verdict returns a failure.
     */
    public static final class Inbox {

        private final List<Envelope> deliveries = new CopyOnWriteArrayList<>();

        public Inbox(JmsInbound inbound, Function<Envelope, Throwable> verdict) {
            inbound.publisher().forEach(message -> {
                Envelope envelope = (Envelope) message;
                deliveries.add(envelope);
                Throwable failure = verdict.apply(envelope);
                if (failure == null) {
                    envelope.ack();
                } else {
                    envelope.nack(failure);
                }
            }).run();
        }

        /** Acks everything. */
        public Inbox(JmsInbound inbound) {
            this(inbound, envelope -> null);
        }

        public List<Envelope> deliveries() {
            return List.copyOf(deliveries);
        }

        public int size() {
            return deliveries.size();
        }

        public List<String> payloads() {
            return deliveries.stream().map(Envelope::getPayload).toList();
        }
    }
}
