package omega.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import omega.platform.control.EmbeddedArtemis;

/**
 * The production shape: PostgreSQL + an AMQP 1.0 broker (embedded Artemis, configured like Service Bus),
 * a perimeter process that serves the API and consumes nothing, and a separate triage-worker process that
 * consumes what the perimeter published.
 */
class PostgresAmqpSliceIT {

    static final String KEY = "it-pg-key-" + UUID.randomUUID();
    static final String BROKER_USER = "omega";
    static final String BROKER_PASSWORD = "secret-" + UUID.randomUUID();
    static EmbeddedArtemis broker;
    static LibertyProcess perimeter;
    static LibertyProcess worker;
    static Api api;

    @BeforeAll
    static void start() throws Exception {
        String dbUrl = Services.freshPostgresDatabase("omega_it");
        broker = new EmbeddedArtemis().withUser(BROKER_USER, BROKER_PASSWORD).start();
        Map<String, String> shared = Services.postgresAndAmqp(dbUrl, broker.amqpUrl(), BROKER_USER,
                BROKER_PASSWORD, Map.of("OMEGA_BOOTSTRAP_API_KEY", KEY));
        String stamp = Long.toString(System.currentTimeMillis());
        perimeter = new LibertyProcess("pg-perimeter-" + stamp, Services.with(shared, "OMEGA_PROFILE", "perimeter")).start();
        worker = new LibertyProcess("pg-triage-worker-" + stamp, Services.with(shared, "OMEGA_PROFILE", "triage-worker")).start();
        api = new Api(perimeter.baseUrl(), KEY);
    }

    @AfterAll
    static void stop() {
        if (worker != null) {
            worker.stop();
        }
        if (perimeter != null) {
            perimeter.stop();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void theWorkerConsumesWhatThePerimeterPublished() {
        Api.Answer posted = api.post("/api/v1/tickets", Api.ticket("zendesk", "PG-" + UUID.randomUUID(), "Disk full"));
        assertEquals(202, posted.status(), posted.body());
        String id = posted.json().getString("id");
        api.await("/api/v1/tickets/" + id, t -> "TRIAGED".equals(t.getString("status")), Duration.ofSeconds(60));
        assertTrue(perimeter.log().contains("is not consumed in profile perimeter"), "the perimeter consumes nothing");
        assertTrue(worker.log().contains("omega-jms consuming topic ticket-normalized (subscription triage)"));
    }

    @Test
    void aWorkerServesNoApiButHealth() {
        Api onWorker = new Api(worker.baseUrl(), KEY);
        TicketSliceIT.assertProblem(onWorker.get("/api/v1/tickets"), 404, "not-found");
        assertEquals(200, worker.status("/health/ready"));
    }

    @Test
    void aNormalizedTicketPublishedOnTheTopicIsRecordedOnceAndOlderVersionsAreIgnored() {
        String externalId = "CW-" + UUID.randomUUID();
        publish(normalized(externalId, 2000, "Printer offline (v2)"));
        publish(normalized(externalId, 2000, "Printer offline (v2)"));   // redelivery/duplicate
        publish(normalized(externalId, 1000, "Printer offline (v1, late)"));   // out of order
        JsonObject list = api.await("/api/v1/tickets?size=200",
                p -> p.getJsonArray("items").stream().anyMatch(v -> externalId.equals(v.asJsonObject().getString("externalId"))),
                Duration.ofSeconds(30));
        String id = list.getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(t -> externalId.equals(t.getString("externalId"))).findFirst().orElseThrow().getString("id");
        api.await("/api/v1/tickets/" + id, t -> "TRIAGED".equals(t.getString("status")), Duration.ofSeconds(60));
        sleep(1500); // give the duplicate and the late version time to arrive; they must change nothing
        JsonObject ticket = api.get("/api/v1/tickets/" + id).json();
        assertEquals("Printer offline (v2)", ticket.getString("title"));
        assertEquals(2000, ticket.getJsonNumber("version").longValue());
        List<String> history = ticket.getJsonArray("history").stream().map(v -> v.asJsonObject().getString("status")).toList();
        // recorded once, decided once: a duplicate or late version adds no history entry
        assertEquals(List.of("RECEIVED", "QUEUED_FOR_TRIAGE", "TRIAGED"), history);
        long sameExternal = api.get("/api/v1/tickets?size=200").json().getJsonArray("items").stream()
                .filter(v -> externalId.equals(v.asJsonObject().getString("externalId"))).count();
        assertEquals(1, sameExternal);

        publish(normalized(externalId, 3000, "Printer offline (v3)"));
        JsonObject updated = api.await("/api/v1/tickets/" + id, t -> t.getJsonNumber("version").longValue() == 3000,
                Duration.ofSeconds(30));
        assertEquals("Printer offline (v3)", updated.getString("title"));
    }

    @Test
    void aPoisonMessageEndsInTheDeadLetterQueueWithItsReason() throws Exception {
        String marker = "poison-" + UUID.randomUUID();
        JmsConnectionFactory factory = new JmsConnectionFactory(BROKER_USER, BROKER_PASSWORD, broker.amqpUrl());
        try (JMSContext context = factory.createContext()) {
            TextMessage poison = context.createTextMessage("{ this is not json " + marker);
            poison.setStringProperty("tenantId", "demo");
            context.createProducer().send(context.createTopic("ticket-normalized"), poison);
            try (JMSConsumer dlq = context.createConsumer(context.createQueue("ticket-normalized/$deadletterqueue"))) {
                TextMessage dead = null;
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (System.nanoTime() < deadline) {
                    TextMessage m = (TextMessage) dlq.receive(1000);
                    if (m != null && m.getText().contains(marker)) {
                        dead = m;
                        break;
                    }
                }
                assertNotNull(dead, "the poison message reached ticket-normalized/$deadletterqueue");
                assertEquals("max-deliveries-exceeded", dead.getStringProperty("DeadLetterReason"));
                assertTrue(dead.getStringProperty("DeadLetterErrorDescription").contains("Malformed JSON"),
                        dead.getStringProperty("DeadLetterErrorDescription"));
                assertEquals("ticket-normalized", dead.getStringProperty("omegaOriginalDestination"));
                assertEquals(5, dead.getIntProperty("omegaDeliveryCount"));
            }
        }
        // the pipeline keeps flowing after the poison message
        Api.Answer posted = api.post("/api/v1/tickets", Api.ticket("zendesk", "AFTER-" + marker, "Still flowing"));
        api.await("/api/v1/tickets/" + posted.json().getString("id"),
                t -> "TRIAGED".equals(t.getString("status")), Duration.ofSeconds(60));
    }

    private static void publish(String json) {
        JsonObject event = Json.createReader(new java.io.StringReader(json)).readObject();
        JmsConnectionFactory factory = new JmsConnectionFactory(BROKER_USER, BROKER_PASSWORD, broker.amqpUrl());
        try (JMSContext context = factory.createContext()) {
            TextMessage m = context.createTextMessage(json);
            m.setStringProperty("tenantId", event.getString("tenantId"));
            m.setStringProperty("source", event.getString("source"));
            m.setStringProperty("externalId", event.getString("externalId"));
            m.setStringProperty("version", Long.toString(event.getJsonNumber("version").longValue()));
            context.createProducer().send(context.createTopic("ticket-normalized"), m);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String normalized(String externalId, long version, String title) {
        return Json.createObjectBuilder().add("tenantId", "demo").add("source", "connectwise")
                .add("externalId", externalId).add("version", version).add("number", "T" + version)
                .add("title", title).add("body", "The printer in room 4 is offline").add("requester", "bob@example.com")
                .add("client", "Contoso").add("createdAt", "2026-11-20T08:00:00Z").add("priority", "P2")
                .add("correlationId", UUID.randomUUID().toString()).build().toString();
    }


    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
