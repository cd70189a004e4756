package omega.platform.control;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.streams.operators.PublisherBuilder;
import org.eclipse.microprofile.reactive.streams.operators.ReactiveStreams;

import omega.platform.api.Envelope;
import omega.platform.api.UnprocessableMessage;

/**
 * Receives one channel's messages in transacted JMS sessions and hands them to Reactive Messaging.
 * The session commits only after the message was acked (the {@code @Incoming} method completed);
 * a nack rolls back so the broker redelivers; on the last allowed delivery the message is copied to
 * the dead-letter queue with its reason in the same local transaction, then committed. A nack with an
 * {@link UnprocessableMessage} dead-letters at once, with that reason (a redelivery could not help).
 */
public final class JmsInbound implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(JmsInbound.class.getName());
    private static final long RECEIVE_POLL_MS = 500;

    private final ConnectionFactory factory;
    private final ThreadFactory threads;
    private final ChannelSettings settings;
    private final ChannelHealth health;
    private final BlockingQueue<CompletableFuture<Message<?>>> waiters = new LinkedBlockingQueue<>();
    private final List<Thread> receivers = new ArrayList<>();
    private volatile boolean running;

    private final CompletableFuture<?> gate;

    /**
     * @param gate receivers connect only once it completed (e.g. after schema migrations); null = at once
     */
    public JmsInbound(ConnectionFactory factory, ThreadFactory threads, ChannelSettings settings,
            CompletableFuture<?> gate) {
        this.gate = gate == null ? CompletableFuture.completedFuture(null) : gate;
        this.factory = factory;
        this.threads = threads;
        this.settings = settings;
        this.health = new ChannelHealth(settings.channel());
    }

    public ChannelHealth health() {
        return health;
    }

    /** Demand-driven: every request from downstream parks one future that a receiver completes. */
    public PublisherBuilder<Message<?>> publisher() {
        return ReactiveStreams.<CompletableFuture<Message<?>>>generate(() -> {
            CompletableFuture<Message<?>> waiter = new CompletableFuture<>();
            waiters.add(waiter);
            return waiter;
        }).flatMapCompletionStage(waiter -> waiter);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (int i = 0; i < settings.consumers(); i++) {
            Thread t = threads.newThread(this::receiveLoop);
            t.setName("omega-jms-in-" + settings.channel() + "-" + i);
            receivers.add(t);
            t.start();
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        for (Thread t : receivers) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        receivers.clear();
    }

    private void receiveLoop() {
        if (!awaitGate()) {
            return;
        }
        long backoff = 500;
        while (running) {
            try (JMSContext context = factory.createContext(JMSContext.SESSION_TRANSACTED)) {
                if (!context.getTransacted()) {
                    throw new IllegalStateException("The connection factory for channel " + settings.channel()
                            + " did not give a transacted session (mode " + context.getSessionMode()
                            + "); refusing to consume without commit/rollback");
                }
                try (JMSConsumer consumer = createConsumer(context)) {
                    health.up();
                    backoff = 500;
                    while (running) {
                        jakarta.jms.Message received = consumer.receive(RECEIVE_POLL_MS);
                        if (received != null) {
                            handle(context, received);
                        }
                    }
                }
            } catch (JMSRuntimeException | IllegalStateException e) {
                health.down(e);
                if (!running) {
                    return;
                }
                LOG.log(Level.WARNING, "omega-jms channel {0}: {1}; reconnecting in {2} ms",
                        new Object[] {settings.channel(), e.toString(), backoff});
                sleep(backoff);
                backoff = Math.min(backoff * 2, 30_000);
            } catch (RuntimeException e) {
                health.down(e);
                LOG.log(Level.SEVERE, "omega-jms channel " + settings.channel() + " receiver failed", e);
                sleep(backoff);
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
    }

    private boolean awaitGate() {
        while (running) {
            try {
                gate.get(RECEIVE_POLL_MS, TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException e) {
                // keep waiting while running
            } catch (ExecutionException e) {
                LOG.severe("omega-jms channel " + settings.channel() + " will not consume: start-up failed: "
                        + e.getCause());
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private JMSConsumer createConsumer(JMSContext context) {
        String selector = settings.selector();
        if (settings.topic()) {
            Topic topic = context.createTopic(settings.destination());
            if (settings.subscription() == null) {
                return context.createConsumer(topic, selector);
            }
            if (settings.shared()) {
                return context.createSharedDurableConsumer(topic, settings.subscription(), selector);
            }
            return context.createDurableConsumer(topic, settings.subscription(), selector, false);
        }
        return context.createConsumer(context.createQueue(settings.destination()), selector);
    }

    private void handle(JMSContext context, jakarta.jms.Message received) {
        Envelope envelope;
        try {
            envelope = new Envelope(body(received), properties(received));
        } catch (JMSException | RuntimeException e) {
            deadLetter(context, received, "unreadable-message", e.toString());
            return;
        }
        CompletableFuture<Message<?>> waiter = nextWaiter();
        if (waiter == null) {
            context.rollback();
            return;
        }
        waiter.complete(envelope);
        Throwable failure = awaitSettlement(envelope);
        if (failure == null) {
            context.commit();
            return;
        }
        UnprocessableMessage unprocessable = UnprocessableMessage.in(failure);
        if (unprocessable != null) {
            deadLetter(context, received, unprocessable.reason(), String.valueOf(unprocessable.getMessage()));
            return;
        }
        int deliveries = deliveryCount(received);
        if (deliveries >= settings.maxDeliveries()) {
            deadLetter(context, received, "max-deliveries-exceeded", describe(failure));
        } else {
            LOG.log(Level.FINE, "omega-jms channel {0}: delivery {1} failed ({2}); rolling back for redelivery",
                    new Object[] {settings.channel(), deliveries, failure.toString()});
            context.rollback();
        }
    }

    private CompletableFuture<Message<?>> nextWaiter() {
        while (running) {
            try {
                CompletableFuture<Message<?>> waiter = waiters.poll(RECEIVE_POLL_MS, TimeUnit.MILLISECONDS);
                if (waiter != null && !waiter.isDone()) {
                    return waiter;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private Throwable awaitSettlement(Envelope envelope) {
        try {
            envelope.settled().toCompletableFuture().get(settings.ackTimeoutMs(), TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (TimeoutException e) {
            return new TimeoutException("not acknowledged within " + settings.ackTimeoutMs() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private void deadLetter(JMSContext context, jakarta.jms.Message original, String reason, String description) {
        try {
            TextMessage copy = context.createTextMessage(body(original));
            for (Map.Entry<String, String> p : properties(original).entrySet()) {
                copy.setStringProperty(p.getKey(), p.getValue());
            }
            copy.setStringProperty("DeadLetterReason", reason);
            copy.setStringProperty("DeadLetterErrorDescription", truncate(description, 1024));
            copy.setStringProperty("omegaOriginalDestination", settings.destination());
            copy.setStringProperty("omegaChannel", settings.channel());
            if (settings.subscription() != null) {
                copy.setStringProperty("omegaSubscription", settings.subscription());
            }
            copy.setStringProperty("omegaOriginalMessageId", String.valueOf(original.getJMSMessageID()));
            copy.setIntProperty("omegaDeliveryCount", deliveryCount(original));
            Destination dlq = context.createQueue(settings.deadLetterQueue());
            JMSProducer producer = context.createProducer();
            producer.send(dlq, copy);
            context.commit();
            LOG.log(Level.WARNING, "omega-jms channel {0}: message {1} moved to {2} ({3})",
                    new Object[] {settings.channel(), original.getJMSMessageID(), settings.deadLetterQueue(), reason});
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.SEVERE, "omega-jms channel " + settings.channel()
                    + ": could not dead-letter a message; rolling back so it is not lost", e);
            context.rollback();
        }
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getName() + (message == null ? "" : ": " + message);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static int deliveryCount(jakarta.jms.Message message) {
        try {
            if (message.propertyExists("JMSXDeliveryCount")) {
                return message.getIntProperty("JMSXDeliveryCount");
            }
            return message.getJMSRedelivered() ? 2 : 1;
        } catch (JMSException | NumberFormatException e) {
            return 1;
        }
    }

    static String body(jakarta.jms.Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            String body = text.getText();
            return body == null ? "" : body;
        }
        if (message.isBodyAssignableTo(byte[].class)) {
            byte[] bytes = message.getBody(byte[].class);
            return bytes == null ? "" : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        throw new JMSException("Unsupported message type " + message.getClass().getName());
    }

    static Map<String, String> properties(jakarta.jms.Message message) throws JMSException {
        Map<String, String> props = new HashMap<>();
        Enumeration<?> names = message.getPropertyNames();
        while (names.hasMoreElements()) {
            String name = String.valueOf(names.nextElement());
            if (name.startsWith("JMS")) {
                continue;
            }
            Object value = message.getObjectProperty(name);
            if (value != null) {
                props.put(name, String.valueOf(value));
            }
        }
        return props;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
