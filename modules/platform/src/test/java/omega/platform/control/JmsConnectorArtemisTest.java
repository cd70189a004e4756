package omega.platform.control;

import static omega.platform.control.ConnectorHarness.awaitUntil;
import static omega.platform.control.ConnectorHarness.queue;
import static omega.platform.control.ConnectorHarness.send;
import static omega.platform.control.ConnectorHarness.topic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import omega.platform.api.Envelope;
import omega.platform.api.UnprocessableMessage;
import omega.platform.control.ConnectorHarness.Inbox;

/**
 * The {@code omega-jms} connector core (JmsOutbound, JmsInbound) against a real Artemis broker over AMQP 1.0
 * through Qpid JMS, the client Azure Service Bus is used with.
 */
class JmsConnectorArtemisTest {

    private static final String USER = "omega";
    private static final String PASSWORD = "omega-test-secret";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static EmbeddedArtemis broker;
    private static ConnectionFactory factory;

    private final List<JmsInbound> inbounds = new ArrayList<>();
    private String prefix;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedArtemis().withUser(USER, PASSWORD).start();
        factory = ConnectionFactories.amqp(broker.amqpUrl(), USER, PASSWORD);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
    }

    @BeforeEach
    void destinationPrefix(TestInfo info) {
        prefix = info.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void closeInbounds() {
        inbounds.forEach(JmsInbound::close);
        assertEquals(0, broker.messageCount(EmbeddedArtemis.BROKER_DEAD_LETTER_ADDRESS),
                "the broker's safety-net dead-letter address must stay empty: the connector dead-letters first");
    }

    @Test
    void sentMessageArrivesWithPayloadAndPropertiesAndTheAckCommits() {
        String queue = prefix + ".orders";
        Map<String, String> props = Map.of("tenantId", "acme", "ticketId", "T-1", "correlationId", "c-42");
        String payload = "{\"subject\":\"printer on fire\",\"umlaut\":\"\u00fc\u20ac\"}";
        send(factory, queue("orders-out", queue, null, 3), List.of(new Envelope(payload, props)));
        assertEquals(1, broker.messageCount(queue), "the committed send is on the queue");

        JmsInbound inbound = inbound(queue("orders-in", queue, null, 3));
        Inbox inbox = new Inbox(inbound);
        inbound.start();

        awaitUntil("the message is delivered", WAIT, () -> inbox.size() == 1);
        Envelope received = inbox.deliveries().get(0);
        assertEquals(payload, received.getPayload());
        assertEquals(props, received.properties(), "string properties round-trip, no JMS* headers leak in");
        awaitUntil("the ack commits the receive", WAIT, () -> broker.messagesAcknowledged(queue) == 1);

        // a message sent after the commit comes next: a redelivery of the first would have come before it
        send(factory, queue("orders-out", queue, null, 3), List.of(new Envelope("marker", Map.of())));
        awaitUntil("the marker is delivered", WAIT, () -> inbox.size() == 2);
        assertEquals(List.of(payload, "marker"), inbox.payloads());
        awaitUntil("both receives committed", WAIT, () -> broker.messagesAcknowledged(queue) == 2);

        inbound.close();
        assertEquals(0, broker.messageCount(queue), "nothing left on the queue after the consumer closed");
        assertEquals(2, inbox.size());
    }

    @Test
    void sharedDurableSubscriptionSplitsTopicMessagesExactlyOnceAcrossTwoConsumers() {
        String topic = prefix + ".ticket-events";
        ChannelSettings subscription = topic("events-in", topic, "triage", 3);
        JmsInbound first = inbound(subscription);
        JmsInbound second = inbound(subscription);
        Inbox firstInbox = new Inbox(first);
        Inbox secondInbox = new Inbox(second);
        first.start();
        second.start();
        awaitUntil("both consumers attached to the one shared subscription", WAIT,
                () -> broker.consumerCountOnAddress(topic) == 2 && broker.queuesOf(topic).size() == 1);

        int n = 200;
        List<Envelope> messages = IntStream.range(0, n)
                .mapToObj(i -> new Envelope("event-" + i, Map.of("seq", String.valueOf(i)))).toList();
        send(factory, topic("events-out", topic, null, 3), messages);

        awaitUntil("all " + n + " events processed", WAIT, () -> firstInbox.size() + secondInbox.size() >= n);
        first.close();
        second.close();

        List<String> all = new ArrayList<>(firstInbox.payloads());
        all.addAll(secondInbox.payloads());
        assertEquals(n, all.size(), "every event processed exactly once in total (no duplicates)");
        assertEquals(messages.stream().map(Envelope::getPayload).collect(Collectors.toSet()),
                new HashSet<>(all), "no event missing");
        assertTrue(firstInbox.size() > 0 && secondInbox.size() > 0,
                "both consumers got a share: " + firstInbox.size() + " / " + secondInbox.size());
        assertEquals(0, broker.messageCountOnAddress(topic), "the subscription is drained and committed");
    }

    @Test
    void nackedMessageIsRedeliveredAndTheSecondAckCommits() {
        String queue = prefix + ".flaky";
        AtomicInteger attempts = new AtomicInteger();
        JmsInbound inbound = inbound(queue("flaky-in", queue, null, 3));
        Inbox inbox = new Inbox(inbound, envelope -> "job".equals(envelope.getPayload())
                && attempts.incrementAndGet() == 1 ? new IllegalStateException("database blip") : null);
        inbound.start();

        send(factory, queue("flaky-out", queue, null, 3), List.of(new Envelope("job", Map.of("tenantId", "acme"))));
        awaitUntil("the redelivery is processed and committed", WAIT,
                () -> inbox.size() == 2 && broker.messagesAcknowledged(queue) == 1);

        send(factory, queue("flaky-out", queue, null, 3), List.of(new Envelope("marker", Map.of())));
        awaitUntil("the marker is delivered", WAIT, () -> inbox.size() == 3);
        assertEquals(List.of("job", "job", "marker"), inbox.payloads(),
                "delivered twice (nack rolled back, ack committed), never a third time");
        assertEquals(Map.of("tenantId", "acme"), inbox.deliveries().get(1).properties(),
                "the redelivery carries the same properties");
        assertEquals(2, attempts.get());
        awaitUntil("everything committed", WAIT, () -> broker.messagesAcknowledged(queue) == 2);
        inbound.close();
        assertEquals(0, broker.messageCount(queue));
        assertEquals(0, broker.messageCount(queue + ChannelSettings.DEAD_LETTER_SUFFIX), "nothing dead-lettered");
    }

    @Test
    void poisonMessageMovesToTheDeadLetterQueueAfterMaxDeliveries() throws Exception {
        String queue = prefix + ".poison";
        String dlq = queue + ChannelSettings.DEAD_LETTER_SUFFIX;
        int maxDeliveries = 3;
        JmsInbound inbound = inbound(queue("poison-in", queue, null, maxDeliveries));
        Inbox inbox = new Inbox(inbound, envelope -> "poison".equals(envelope.getPayload())
                ? new IllegalArgumentException("cannot parse ticket") : null);
        inbound.start();

        send(factory, queue("poison-out", queue, null, maxDeliveries),
                List.of(new Envelope("poison", Map.of("tenantId", "acme", "ticketId", "T-666"))));
        awaitUntil("the poison message is dead-lettered", WAIT, () -> broker.messageCount(dlq) > 0
                || broker.messageCount(EmbeddedArtemis.BROKER_DEAD_LETTER_ADDRESS) > 0);
        assertEquals(0, broker.messageCount(EmbeddedArtemis.BROKER_DEAD_LETTER_ADDRESS),
                "the connector, not the broker's safety net, dead-lettered it");
        assertEquals(1, broker.messageCount(dlq));

        send(factory, queue("poison-out", queue, null, maxDeliveries), List.of(new Envelope("marker", Map.of())));
        awaitUntil("the marker is delivered", WAIT, () -> inbox.payloads().contains("marker"));
        assertEquals(List.of("poison", "poison", "poison", "marker"), inbox.payloads(),
                "tried exactly max-deliveries times, then no more");
        awaitUntil("the source queue is committed empty", WAIT, () -> broker.messagesAcknowledged(queue) == 2);
        inbound.close();
        assertEquals(0, broker.messageCount(queue), "the source queue is empty");
        assertEquals(1, broker.messageCount(dlq), "dead-lettered exactly once");

        try (JMSContext context = factory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                JMSConsumer consumer = context.createConsumer(context.createQueue(dlq))) {
            Message dead = consumer.receive(10_000);
            assertNotNull(dead, "the dead letter can be read from " + dlq);
            assertInstanceOf(TextMessage.class, dead);
            assertEquals("poison", ((TextMessage) dead).getText());
            assertEquals("max-deliveries-exceeded", dead.getStringProperty("DeadLetterReason"));
            assertEquals(IllegalArgumentException.class.getName() + ": cannot parse ticket",
                    dead.getStringProperty("DeadLetterErrorDescription"));
            assertEquals(queue, dead.getStringProperty("omegaOriginalDestination"));
            assertEquals("poison-in", dead.getStringProperty("omegaChannel"));
            assertTrue(dead.getStringProperty("omegaOriginalMessageId").startsWith("ID:"),
                    dead.getStringProperty("omegaOriginalMessageId"));
            assertEquals(maxDeliveries, dead.getIntProperty("omegaDeliveryCount"),
                    "JMSXDeliveryCount went up with every rollback");
            assertEquals("acme", dead.getStringProperty("tenantId"));
            assertEquals("T-666", dead.getStringProperty("ticketId"));
            assertNull(consumer.receiveNoWait(), "no second copy");
        }
    }

    @Test
    void anUnprocessableMessageIsDeadLetteredAtOnceWithItsReason() throws Exception {
        String queue = prefix + ".raw";
        String dlq = queue + ChannelSettings.DEAD_LETTER_SUFFIX;
        JmsInbound inbound = inbound(queue("raw-in", queue, null, 5));
        Inbox inbox = new Inbox(inbound, envelope -> "bad".equals(envelope.getPayload())
                ? new IllegalStateException("wrapped", new UnprocessableMessage("missing-field", "no title")) : null);
        inbound.start();

        send(factory, queue("raw-out", queue, null, 5), List.of(new Envelope("bad", Map.of("tenantId", "acme")),
                new Envelope("good", Map.of())));
        awaitUntil("the good message after it is delivered", WAIT, () -> inbox.payloads().contains("good"));
        awaitUntil("both are settled", WAIT, () -> broker.messagesAcknowledged(queue) == 2);
        assertEquals(List.of("bad", "good"), inbox.payloads(), "tried once, not max-deliveries times");
        inbound.close();
        assertEquals(0, broker.messageCount(queue));
        assertEquals(1, broker.messageCount(dlq));
        try (JMSContext context = factory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                JMSConsumer consumer = context.createConsumer(context.createQueue(dlq))) {
            Message dead = consumer.receive(10_000);
            assertNotNull(dead);
            assertEquals("bad", ((TextMessage) dead).getText());
            assertEquals("missing-field", dead.getStringProperty("DeadLetterReason"));
            assertEquals("no title", dead.getStringProperty("DeadLetterErrorDescription"));
            assertEquals(1, dead.getIntProperty("omegaDeliveryCount"));
            assertEquals("acme", dead.getStringProperty("tenantId"));
        }
    }

    @Test
    void channelSelectorReceivesOnlyItsTenantsMessages() {
        String queue = prefix + ".tickets";
        List<Envelope> mixed = List.of(
                new Envelope("acme-1", Map.of("tenantId", "acme")),
                new Envelope("globex-1", Map.of("tenantId", "globex")),
                new Envelope("acme-2", Map.of("tenantId", "acme")),
                new Envelope("untagged", Map.of()),
                new Envelope("globex-2", Map.of("tenantId", "globex")),
                new Envelope("acme-3", Map.of("tenantId", "acme")));
        send(factory, queue("tickets-out", queue, null, 3), mixed);

        JmsInbound inbound = inbound(queue("acme-in", queue, "tenantId = 'acme'", 3));
        Inbox inbox = new Inbox(inbound);
        inbound.start();
        // the queue is FIFO: had the selector let another tenant's message through, it would arrive before acme-3
        awaitUntil("acme-3 is processed", WAIT, () -> inbox.payloads().contains("acme-3"));
        assertEquals(List.of("acme-1", "acme-2", "acme-3"), inbox.payloads());
        assertTrue(inbox.deliveries().stream().allMatch(e -> "acme".equals(e.property("tenantId"))));
        awaitUntil("acme's three messages are committed", WAIT, () -> broker.messagesAcknowledged(queue) == 3);
        inbound.close();

        assertEquals(3, broker.messageCount(queue), "the other tenants' messages stay on the queue");

        JmsInbound rest = inbound(queue("rest-in", queue, "tenantId <> 'acme' OR tenantId IS NULL", 3));
        Inbox restInbox = new Inbox(rest);
        rest.start();
        awaitUntil("the rest is delivered to a consumer that selects it", WAIT, () -> restInbox.size() == 3);
        assertEquals(Set.of("globex-1", "untagged", "globex-2"), new HashSet<>(restInbox.payloads()));
    }

    private JmsInbound inbound(ChannelSettings settings) {
        JmsInbound inbound = new JmsInbound(factory, ConnectorHarness.DAEMON_THREADS, settings, null);
        inbounds.add(inbound);
        return inbound;
    }
}
