package omega.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.apache.qpid.jms.JmsConnectionFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import omega.platform.control.EmbeddedArtemis;

/**
 * {@link ContextIT}'s tests on the production adapters: the server's database is the machine's PostgreSQL (so the
 * context store is PostgreSQL, {@code context.store=auto}), working memory is the machine's Redis (127.0.0.1:6379,
 * keys under a prefix of this run) and messaging is an AMQP 1.0 broker (embedded Artemis), so the test can publish
 * on {@code ticket-normalized} like a PSA connector: a ticket version carrying a resolution becomes memory, and a
 * poison message is dead-lettered by context's subscription with its reason. Skipped with a message when
 * PostgreSQL or Redis is absent, unless OMEGA_IT_REQUIRE_SERVICES.
 */
class ContextPostgresIT extends ContextIT {

    static final String BROKER_USER = "omega";
    static final String BROKER_PASSWORD = "secret-" + UUID.randomUUID();
    static EmbeddedArtemis broker;

    @Override
    @BeforeAll
    void start() throws Exception {
        requireRedis();
        String dbUrl = Services.freshPostgresDatabase("omega_ctx");
        broker = new EmbeddedArtemis().withUser(BROKER_USER, BROKER_PASSWORD).start();
        startWith("context-pg", Services.postgresAndAmqp(dbUrl, broker.amqpUrl(), BROKER_USER, BROKER_PASSWORD, Map.of(
                "CONTEXT_WORKING", "redis",
                "CONTEXT_REDIS_KEY_PREFIX", "omega-it:" + UUID.randomUUID() + ":")));
    }

    @Override
    @AfterAll
    void stop() throws Exception {
        super.stop();
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void aTicketVersionCarryingAResolutionBecomesMemory() {
        String marker = "quasarkey" + Long.toString(System.nanoTime(), 36);
        String externalId = "CW-" + UUID.randomUUID();
        publish("ticket-normalized", Json.createObjectBuilder().add("tenantId", "demo").add("source", "connectwise")
                .add("externalId", externalId).add("version", 5000).add("number", "T5000")
                .add("title", "Badge reader " + marker + " rejects cards").add("body", "Door 3 badge reader " + marker)
                .add("requester", "bob@example.com").add("client", "Contoso").add("createdAt", "2026-11-20T08:00:00Z")
                .add("updatedAt", "2026-11-21T08:00:00Z").add("status", "RESOLVED")
                .add("resolution", "Re-enrolled the reader with the controller")
                .add("correlationId", UUID.randomUUID().toString()).build().toString(), externalId);
        long start = System.nanoTime();
        List<JsonObject> hits = awaitSearch(demo, "badge reader " + marker,
                found -> found.stream().anyMatch(h -> "Re-enrolled the reader with the controller"
                        .equals(h.getString("resolution", null))));
        System.out.println("CONTEXT-LEARNING resolved PSA ticket version → searchable in "
                + (System.nanoTime() - start) / 1_000_000 + " ms (includes its triage)");
        JsonObject hit = hits.stream().filter(h -> h.getString("resolution", "").startsWith("Re-enrolled"))
                .findFirst().orElseThrow();
        assertEquals("Contoso", hit.getString("client"));
        assertEquals("RESOLVED", hit.getString("status"));
        assertFalse(hit.getString("ticketId").startsWith("connectwise"), "remembered under OMEGA's ticket id");
    }

    @Test
    void aPoisonMessageIsDeadLetteredByContextsSubscriptionWithItsReason() throws Exception {
        String marker = "ctx-poison-" + UUID.randomUUID();
        JmsConnectionFactory factory = new JmsConnectionFactory(BROKER_USER, BROKER_PASSWORD, broker.amqpUrl());
        try (JMSContext context = factory.createContext()) {
            TextMessage poison = context.createTextMessage("{\"tenantId\":\"demo\",\"jobId\":" + marker.length()
                    + ",\"externalId\":{\"not\":\"a string\"}, \"m\":\"" + marker + "\"}");
            poison.setStringProperty("tenantId", "demo");
            context.createProducer().send(context.createTopic("ticket-history"), poison);
            try (JMSConsumer dlq = context.createConsumer(context.createQueue("ticket-history/$deadletterqueue"))) {
                TextMessage dead = null;
                long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
                while (System.nanoTime() < deadline && dead == null) {
                    TextMessage m = (TextMessage) dlq.receive(1000);
                    if (m != null && m.getText().contains(marker)
                            && "context-history".equals(m.getStringProperty("omegaSubscription"))) {
                        dead = m;
                    }
                }
                assertNotNull(dead, "context's copy of the poison message reached ticket-history/$deadletterqueue");
                assertEquals("max-deliveries-exceeded", dead.getStringProperty("DeadLetterReason"));
                assertTrue(dead.getStringProperty("DeadLetterErrorDescription").contains("Malformed JSON"),
                        dead.getStringProperty("DeadLetterErrorDescription"));
            }
        }
    }

    private static void publish(String topic, String json, String externalId) {
        JmsConnectionFactory factory = new JmsConnectionFactory(BROKER_USER, BROKER_PASSWORD, broker.amqpUrl());
        try (JMSContext context = factory.createContext()) {
            TextMessage m = context.createTextMessage(json);
            m.setStringProperty("tenantId", "demo");
            m.setStringProperty("source", "connectwise");
            m.setStringProperty("externalId", externalId);
            context.createProducer().send(context.createTopic(topic), m);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void runsOnThePostgresStoreAndRedis() {
        demo.get("/api/v1/context/working/ticket:T-0/x"); // builds memory if no test did yet
        String log = server.log();
        assertTrue(log.contains("Context memory: PostgreSQL store"), "context chose the PostgreSQL store");
        assertTrue(log.contains("Redis working memory"), "context uses Redis");
    }

    private static void requireRedis() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 2_000);
        } catch (IOException e) {
            String message = "Redis at 127.0.0.1:6379 is not reachable: " + e.getMessage();
            if (Boolean.parseBoolean(System.getenv("OMEGA_IT_REQUIRE_SERVICES"))) {
                throw new IllegalStateException(message, e);
            }
            Assumptions.abort(message + " — skipping the PostgreSQL + Redis context test");
        }
    }
}
