package omega.platform.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TextMessage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.streams.operators.ReactiveStreams;
import org.eclipse.microprofile.reactive.streams.operators.SubscriberBuilder;

import omega.platform.api.Envelope;

/**
 * Sends one channel's messages from its own thread (so a caller's JTA transaction never enlists the
 * broker), persistent, in local transactions of up to {@code batch-size} messages to one entity.
 * A message is acked only after its transaction committed, nacked when the send failed.
 */
public final class JmsOutbound implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(JmsOutbound.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();

    private final ConnectionFactory factory;
    private final ThreadFactory threads;
    private final ChannelSettings settings;
    private final ChannelHealth health;
    private final BlockingQueue<Message<?>> pending = new LinkedBlockingQueue<>(10_000);
    private Thread sender;
    private volatile boolean running;

    public JmsOutbound(ConnectionFactory factory, ThreadFactory threads, ChannelSettings settings) {
        this.factory = factory;
        this.threads = threads;
        this.settings = settings;
        this.health = new ChannelHealth(settings.channel());
    }

    public ChannelHealth health() {
        return health;
    }

    public SubscriberBuilder<Message<?>, Void> subscriber() {
        return ReactiveStreams.<Message<?>>builder().forEach(this::enqueue);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        sender = threads.newThread(this::sendLoop);
        sender.setName("omega-jms-out-" + settings.channel());
        sender.start();
    }

    @Override
    public synchronized void close() {
        running = false;
        if (sender != null) {
            try {
                sender.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Message<?>> left = new ArrayList<>();
        pending.drainTo(left);
        left.forEach(m -> m.nack(new IllegalStateException("omega-jms channel " + settings.channel() + " closed")));
    }

    void enqueue(Message<?> message) {
        try {
            if (!running || !pending.offer(message, 30, TimeUnit.SECONDS)) {
                message.nack(new IllegalStateException("omega-jms channel " + settings.channel()
                        + (running ? ": outbound buffer full" : ": not running")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            message.nack(e);
        }
    }

    private void sendLoop() {
        long backoff = 500;
        List<Message<?>> batch = new ArrayList<>(settings.batchSize());
        while (running || !pending.isEmpty()) {
            try (JMSContext context = factory.createContext(JMSContext.SESSION_TRANSACTED)) {
                Destination destination = settings.topic() ? context.createTopic(settings.destination())
                        : context.createQueue(settings.destination());
                JMSProducer producer = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
                health.up();
                backoff = 500;
                while (running || !pending.isEmpty()) {
                    Message<?> first = pending.poll(500, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    pending.drainTo(batch, settings.batchSize() - 1);
                    try {
                        for (Message<?> m : batch) {
                            producer.send(destination, toJms(context, m));
                        }
                        context.commit();
                        batch.forEach(Message::ack);
                    } catch (JMSException | RuntimeException e) {
                        safeRollback(context);
                        batch.forEach(m -> m.nack(e));
                        if (e instanceof JMSRuntimeException jre) {
                            throw jre;
                        }
                    } finally {
                        batch.clear();
                    }
                }
            } catch (JMSRuntimeException e) {
                health.down(e);
                if (!running) {
                    break;
                }
                LOG.log(Level.WARNING, "omega-jms channel {0}: {1}; reconnecting in {2} ms",
                        new Object[] {settings.channel(), e.toString(), backoff});
                sleep(backoff);
                backoff = Math.min(backoff * 2, 30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static TextMessage toJms(JMSContext context, Message<?> message) throws JMSException {
        Object payload = message.getPayload();
        String body = payload instanceof String s ? s : JSON.toJson(payload);
        TextMessage jms = context.createTextMessage(body);
        if (message instanceof Envelope envelope) {
            for (Map.Entry<String, String> p : envelope.properties().entrySet()) {
                jms.setStringProperty(p.getKey(), p.getValue());
            }
        }
        return jms;
    }

    private static void safeRollback(JMSContext context) {
        try {
            context.rollback();
        } catch (RuntimeException ignored) {
            // the connection is gone; the broker discards the open transaction
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
