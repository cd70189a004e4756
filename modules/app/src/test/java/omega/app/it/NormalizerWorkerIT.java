package omega.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;

import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import omega.platform.control.EmbeddedArtemis;

/**
 * The normalizer stage in its own process, in the production shape (PostgreSQL + AMQP 1.0 broker): a
 * {@code perimeter} takes webhooks, a separate {@code normalizer-worker} turns {@code ticket-raw} into canonical
 * tickets, a {@code triage-worker} records them. The normalizer worker is scaled from zero only after the
 * webhooks were accepted, and in between the tenant's Salesforce connection was changed to another organization,
 * so a payload that passed intake fails normalization: it must reach {@code ticket-raw}'s dead-letter queue on its
 * first delivery with the reason, be listed as a failure, and become tickets when replayed after the fix; an
 * unreadable message is dead-lettered at once too, and the consumer keeps going.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NormalizerWorkerIT {

    static final String KEY = "it-nw-key-" + UUID.randomUUID();
    static final String BROKER_USER = "omega";
    static final String BROKER_PASSWORD = "secret-" + UUID.randomUUID();
    static final String SF_ORG = "00D5g000000TeStEAU";
    static final String OTHER_ORG = "00D000000000001";
    static final String DLQ = "ticket-raw/$deadletterqueue";
    static final Duration WAIT = Duration.ofSeconds(60);
    static EmbeddedArtemis broker;
    static LibertyProcess perimeter;
    static LibertyProcess triage;
    static LibertyProcess normalizer;
    static Api api;
    static String unreadableMarker;
    static String dbUrl;

    @BeforeAll
    static void start() throws Exception {
        dbUrl = Services.freshPostgresDatabase("omega_nw");
        broker = new EmbeddedArtemis().withUser(BROKER_USER, BROKER_PASSWORD).start();
        Map<String, String> shared = Services.postgresAndAmqp(dbUrl, broker.amqpUrl(), BROKER_USER,
                BROKER_PASSWORD, Map.of("OMEGA_BOOTSTRAP_API_KEY", KEY));
        String stamp = Long.toString(System.currentTimeMillis());
        perimeter = new LibertyProcess("nw-perimeter-" + stamp, Services.with(shared, "OMEGA_PROFILE", "perimeter")).start();
        triage = new LibertyProcess("nw-triage-" + stamp, Services.with(shared, "OMEGA_PROFILE", "triage-worker")).start();
        api = new Api(perimeter.baseUrl(), KEY);

        // accepted while no normalizer runs: both wait on ticket-raw
        assertEquals(201, api.post("/api/v1/tenants/demo/connections",
                "{\"platform\":\"salesforce\",\"organizationId\":\"" + SF_ORG + "\"}").status());
        Api.Answer sn = api.post("/api/v1/integrations/servicenow/webhook", Payload.fixture("servicenow", "incident-get.json"));
        assertEquals(202, sn.status(), sn.body());
        Api.Answer sf = soap("/api/v1/integrations/salesforce/webhook", Payload.fixture("salesforce", "outbound-message.xml"));
        assertEquals(200, sf.status(), sf.body());
        assertTrue(sf.body().contains("<out:Ack>true</out:Ack>"), sf.body());
        // then the connection is pointed at another organization before the payload is normalized
        assertEquals(204, api.send(api.request("/api/v1/tenants/demo/connections/salesforce").DELETE()).status());
        assertEquals(201, api.post("/api/v1/tenants/demo/connections",
                "{\"platform\":\"salesforce\",\"organizationId\":\"" + OTHER_ORG + "\"}").status());
        // and something that is not a raw payload at all lands on ticket-raw
        unreadableMarker = "unreadable-" + UUID.randomUUID();
        try (JMSContext context = factory().createContext()) {
            TextMessage m = context.createTextMessage("{ not a raw payload " + unreadableMarker);
            m.setStringProperty("tenantId", "demo");
            context.createProducer().send(context.createQueue("ticket-raw"), m);
        }

        normalizer = new LibertyProcess("nw-normalizer-" + stamp, Services.with(shared, "OMEGA_PROFILE", "normalizer-worker")).start();
    }

    @AfterAll
    static void stop() {
        for (LibertyProcess p : new LibertyProcess[] {normalizer, triage, perimeter}) {
            if (p != null) {
                p.stop();
            }
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    @Order(1)
    void aGoodWebhookBecomesATicketThroughTheWorker() {
        JsonObject ticket = Payload.awaitTicket(api, "servicenow", "f12ca184735123002728660c4cf6a7ef", WAIT);
        assertEquals("Password reset for warehouse scanner account", ticket.getString("title"));
        assertTrue(normalizer.log().contains("omega-jms consuming queue ticket-raw"), "the worker consumes ticket-raw");
        assertTrue(perimeter.log().contains("is not consumed in profile perimeter"), "the perimeter consumes nothing");
    }

    @Test
    @Order(2)
    void aPayloadThatFailsNormalizationIsDeadLetteredAtOnceWithItsReasonAndListed() throws Exception {
        JsonObject failures = api.await("/api/v1/integrations/failures",
                p -> p.getJsonArray("items").size() == 1, WAIT);
        JsonObject failure = failures.getJsonArray("items").getJsonObject(0);
        assertEquals("salesforce", failure.getString("platform"));
        assertEquals("organization-mismatch", failure.getString("reason"));
        assertEquals("OPEN", failure.getString("status"));
        assertEquals(1, failure.getInt("attempts"));

        Map<String, TextMessage> dead = deadLetters(2);
        TextMessage mismatch = dead.get("organization-mismatch");
        assertNotNull(mismatch, "dead-lettered with its reason: " + dead.keySet());
        assertEquals(1, mismatch.getIntProperty("omegaDeliveryCount"), "on its first delivery, not after max-deliveries");
        assertEquals(failure.getString("rawId"), mismatch.getStringProperty("rawId"));
        assertEquals("ticket-raw", mismatch.getStringProperty("omegaOriginalDestination"));
        assertTrue(mismatch.getStringProperty("DeadLetterErrorDescription").contains(failure.getString("id")),
                mismatch.getStringProperty("DeadLetterErrorDescription"));
        TextMessage unreadable = dead.get("unreadable-message");
        assertNotNull(unreadable, "the unreadable message too: " + dead.keySet());
        assertTrue(unreadable.getText().contains(unreadableMarker));
        assertEquals(1, unreadable.getIntProperty("omegaDeliveryCount"));
        assertTrue(Payload.ticket(api, "salesforce", "5005g00000OutB1AAF").isEmpty(), "nothing stored as a ticket");
    }

    @Test
    @Order(3)
    void aReplayAfterTheFixBecomesTicketsAndTheConsumerKeepsGoing() {
        String failureId = api.get("/api/v1/integrations/failures").json().getJsonArray("items").getJsonObject(0)
                .getString("id");
        assertEquals(204, api.send(api.request("/api/v1/tenants/demo/connections/salesforce").DELETE()).status());
        assertEquals(201, api.post("/api/v1/tenants/demo/connections",
                "{\"platform\":\"salesforce\",\"organizationId\":\"" + SF_ORG + "\"}").status());
        Api.Answer replay = api.send(api.request("/api/v1/integrations/failures/" + failureId + "/replay")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(202, replay.status(), replay.body());
        assertEquals("Firewall blocks the new CRM", Payload.awaitTicket(api, "salesforce", "5005g00000OutB1AAF", WAIT).getString("title"));
        assertEquals("Scanner driver on reception PC", Payload.awaitTicket(api, "salesforce", "5005g00000OutB2AAF", WAIT).getString("title"));
        api.await("/api/v1/integrations/failures", p -> "RESOLVED".equals(
                p.getJsonArray("items").getJsonObject(0).getString("status")), WAIT);

        String id = "after-" + UUID.randomUUID();
        String body = Payload.fixture("servicenow", "incident-get.json")
                .replace("f12ca184735123002728660c4cf6a7ef", id);
        assertEquals(202, api.post("/api/v1/integrations/servicenow/webhook", body).status());
        Payload.awaitTicket(api, "servicenow", id, WAIT);
        assertFalse(normalizer.log().contains("receiver failed"), "the consumer never crashed");
        assertEquals(200, normalizer.status("/health/ready"));
    }

    @Test
    @Order(4)
    void connectionSecretsAreSealedAtRestAndStillVerifyWebhooks() throws Exception {
        String secretKey = "at-secret-key-" + UUID.randomUUID();
        assertEquals(201, api.post("/api/v1/tenants/demo/connections",
                "{\"platform\":\"autotask\",\"signingSecret\":\"" + secretKey + "\"}").status());
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(dbUrl, Services.PG_USER, "");
                java.sql.PreparedStatement q = c.prepareStatement("SELECT signing_secret, secrets_sealed FROM"
                        + " connectors_connection WHERE tenant_id = 'demo' AND platform = 'autotask'");
                java.sql.ResultSet rs = q.executeQuery()) {
            assertTrue(rs.next());
            assertTrue(rs.getString(1).startsWith("v1:"), "sealed: " + rs.getString(1));
            assertFalse(rs.getString(1).contains(secretKey), "no plain secret in the database");
            assertTrue(rs.getBoolean(2));
        }
        assertFalse(api.get("/api/v1/tenants/demo/connections").body().contains(secretKey), "never returned");
        // no key configured: the perimeter generated its key file once, owner-only, in its output directory
        java.nio.file.Path keyFile = perimeter.outputDir().resolve("omega/connectors-secrets.key");
        assertTrue(java.nio.file.Files.exists(keyFile), keyFile.toString());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(keyFile)));
        assertFalse(java.nio.file.Files.exists(normalizer.outputDir().resolve("omega/connectors-secrets.key")),
                "a worker never opens secrets, so it has no key");
        // the sealed secret still verifies a signed callout
        String id = "5" + (System.nanoTime() % 100_000_000);
        String body = Payload.fixture("autotask", "webhook-update.json").replace("51003", id);
        Api.Answer signed = api.send(api.request("/api/v1/integrations/autotask/webhook")
                .header("Content-Type", "application/json")
                .header("X-Hook-Signature", Payload.autotaskSignature(secretKey, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(202, signed.status(), signed.body());
        Payload.awaitTicket(api, "autotask", id, WAIT);
    }

    @Test
    @Order(5)
    void aRowWrittenBeforeSealingIsSealedWhenTheServerStarts() throws Exception {
        String id = UUID.randomUUID().toString();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(dbUrl, Services.PG_USER, "");
                java.sql.PreparedStatement insert = c.prepareStatement("INSERT INTO connectors_connection (id, tenant_id,"
                        + " platform, token_hash, secret, poll_seconds, created_at) VALUES (?, 'demo', 'connectwise', ?,"
                        + " 'cw-private-key-in-plain', 0, CURRENT_TIMESTAMP)")) {
            insert.setString(1, id);
            insert.setString(2, (id.replace("-", "") + "0".repeat(64)).substring(0, 64));
            insert.executeUpdate();
        }
        perimeter.stop();
        perimeter.start();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(dbUrl, Services.PG_USER, "");
                java.sql.PreparedStatement q = c.prepareStatement(
                        "SELECT secret, secrets_sealed FROM connectors_connection WHERE id = ?")) {
            q.setString(1, id);
            try (java.sql.ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next());
                assertTrue(rs.getBoolean(2), "sealed at start-up");
                assertTrue(rs.getString(1).startsWith("v1:") && !rs.getString(1).contains("cw-private-key"), rs.getString(1));
            }
        }
        assertTrue(perimeter.log().contains("sealed the secrets of 1 connection(s) written before sealing"));
        assertTrue(api.get("/api/v1/tenants/demo/connections").body().contains("\"hasSecret\":true"));
    }

    private static Map<String, TextMessage> deadLetters(int expected) throws Exception {
        Map<String, TextMessage> byReason = new HashMap<>();
        try (JMSContext context = factory().createContext();
                JMSConsumer dlq = context.createConsumer(context.createQueue(DLQ))) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (byReason.size() < expected && System.nanoTime() < deadline) {
                TextMessage m = (TextMessage) dlq.receive(1000);
                if (m != null) {
                    byReason.put(m.getStringProperty("DeadLetterReason"), m);
                }
            }
        }
        return byReason;
    }

    private static Api.Answer soap(String path, String xml) {
        return api.send(api.request(path).header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"\"").POST(HttpRequest.BodyPublishers.ofString(xml)));
    }

    private static JmsConnectionFactory factory() {
        return new JmsConnectionFactory(BROKER_USER, BROKER_PASSWORD, broker.amqpUrl());
    }

}
