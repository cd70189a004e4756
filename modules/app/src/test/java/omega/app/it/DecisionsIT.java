package omega.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import omega.platform.control.EmbeddedArtemis;

/**
 * Triage decisions on a started server (Derby + an AMQP 1.0 broker, so the IT can read {@code ticket-triaged}):
 * a tenant trained from labelled NDJSON history gets full decisions; a tenant without history gets cold-start
 * decisions; feedback is stored and shown; odd texts still get valid decisions; evaluation reports quality.
 */
class DecisionsIT {

    static final String KEY = "it-decisions-" + UUID.randomUUID();
    static final String COLD_KEY = "it-cold-" + UUID.randomUUID();
    static final String USER = "omega";
    static final String PASSWORD = "secret-" + UUID.randomUUID();
    static final Set<String> CATEGORIES = Set.of("network", "email", "printer", "access");
    static final Set<String> TIERS = Set.of("AUTO", "CONFIRM", "MANUAL");
    static final long TRAIN_MAX_BYTES = 3L << 20;

    static EmbeddedArtemis broker;
    static LibertyProcess server;
    static Api api;
    static Api cold;
    static JMSContext jms;
    static JMSConsumer triaged;

    @BeforeAll
    static void start() throws Exception {
        broker = new EmbeddedArtemis().withUser(USER, PASSWORD).start();
        server = new LibertyProcess("decisions-" + System.currentTimeMillis(), Map.of(
                "OMEGA_MESSAGING_PROVIDER", "amqp",
                "OMEGA_MESSAGING_AMQP_URL", broker.amqpUrl(),
                "OMEGA_MESSAGING_AMQP_USERNAME", USER,
                "OMEGA_MESSAGING_AMQP_PASSWORD", PASSWORD,
                "OMEGA_BOOTSTRAP_API_KEY", KEY,
                "TRIAGE_TRAIN_MAX_BYTES", Long.toString(TRAIN_MAX_BYTES),
                "OMEGA_BOOTSTRAP_EXTRA_TENANTS", "coldtenant=" + COLD_KEY)).start();
        api = new Api(server.baseUrl(), KEY);
        cold = new Api(server.baseUrl(), COLD_KEY);
        jms = new JmsConnectionFactory(USER, PASSWORD, broker.amqpUrl()).createContext();
        triaged = jms.createConsumer(jms.createTopic("ticket-triaged"));

        String history = String.join("\n", MspHistory.ndjson(30)) + "\n{\"externalId\":\"bad\"}\nnot json\n";
        Api.Answer trained = api.send(api.request("/api/v1/models/train").header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(history)));
        assertEquals(202, trained.status(), trained.body());
        assertEquals(120, trained.json().getInt("accepted"));
        assertEquals(2, trained.json().getJsonObject("rejected").size(), trained.body());
        assertEquals(List.of("category", "queue"), trained.json().getJsonArray("labels").stream()
                .map(v -> ((jakarta.json.JsonString) v).getString()).toList());
        api.await("/api/v1/models", m -> m.getJsonArray("models").size() == 2 && !m.getBoolean("training"),
                Duration.ofSeconds(300));
    }

    @AfterAll
    static void stop() {
        if (jms != null) {
            jms.close();
        }
        if (server != null) {
            server.stop();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void trainingUploadsStreamPastTheGeneralBodyLimitUpToTheirOwn() {
        // lines without labels: read and rejected, nothing stored (the tenant's models stay as they are)
        String line = "{\"externalId\":\"no-labels\",\"title\":\"" + "x".repeat(200) + "\"}\n";
        String twoMiB = line.repeat((2 << 20) / line.length());
        Api.Answer read = api.send(api.request("/api/v1/models/train").header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(twoMiB)));
        TicketSliceIT.assertProblem(read, 400, "validation-failed"); // not 413: past omega.http.max-body-bytes (1 MiB)
        String fourMiB = twoMiB + twoMiB;
        Api.Answer tooLarge = api.send(api.request("/api/v1/models/train").header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(fourMiB)));
        TicketSliceIT.assertProblem(tooLarge, 413, "payload-too-large");
        assertTrue(tooLarge.json().getString("detail").contains("triage.train.max-bytes"), tooLarge.body());
    }

    @Test
    void aTrainedTenantsTicketIsDecidedStoredAndPublished() {
        String id = post(api, "VPN keeps disconnecting at the branch",
                "The VPN tunnel drops every few minutes and users lose their sessions. Ping to the gateway times out.");
        JsonObject ticket = api.await("/api/v1/tickets/" + id, t -> "TRIAGED".equals(t.getString("status")),
                Duration.ofSeconds(60));
        assertEquals(List.of("RECEIVED", "QUEUED_FOR_TRIAGE", "TRIAGED"), ticket.getJsonArray("history").stream()
                .map(v -> v.asJsonObject().getString("status")).toList());
        JsonObject decision = ticket.getJsonObject("decision");
        assertFalse(decision.getBoolean("coldStart"));
        JsonObject category = decision.getJsonObject("labels").getJsonObject("category");
        assertEquals("network", category.getString("value"), decision.toString());
        assertValidLabel(category, CATEGORIES);
        assertEquals("infrastructure", decision.getJsonObject("labels").getJsonObject("queue").getString("value"));
        assertTrue(category.getJsonArray("titans").contains(Json.createValue("local")), decision.toString());
        assertFalse(decision.getJsonArray("evidence").isEmpty(), "nearest training examples as evidence");
        JsonObject evidence = decision.getJsonArray("evidence").getJsonObject(0);
        assertTrue(evidence.getString("example").startsWith("#H-"), evidence.toString());
        assertTrue(CATEGORIES.contains(evidence.getString("value")) || MspHistory.QUEUES.containsValue(evidence.getString("value")));
        assertTrue(decision.getJsonObject("modelVersions").getString("category").startsWith("category-"));
        assertTrue(decision.getJsonArray("titans").stream().anyMatch(v -> "local".equals(v.asJsonObject().getString("titanId"))));
        JsonObject sla = decision.getJsonObject("slaRisk");
        assertNotNull(sla.get("atRisk"), decision.toString());
        assertTrue(sla.getString("basis").contains("P3"), sla.toString());

        JsonObject event = awaitTriaged(id);
        assertEquals("demo", event.getString("tenantId"));
        assertEquals(decision.getString("id"), event.getString("decisionId"));
        assertEquals("network", event.getJsonObject("labels").getString("category"));
        assertEquals(category.getString("tier"), event.getJsonObject("tiers").getString("category"));
    }

    @Test
    void theStoredDecisionCarriesTheTokenizedInputs() {
        String id = post(api, "Outlook keeps asking for the password",
                "Please call me back on +44 20 7946 0958 or write to carol.danvers@contoso.example, Outlook prompts again.");
        api.await("/api/v1/tickets/" + id, t -> "TRIAGED".equals(t.getString("status")), Duration.ofSeconds(60));
        Api.Answer stored = api.get("/api/v1/tickets/" + id + "/decision");
        assertEquals(200, stored.status(), stored.body());
        JsonObject inputs = stored.json().getJsonObject("inputs");
        String text = inputs.getString("text");
        assertFalse(text.contains("carol.danvers@contoso.example"), text);
        assertTrue(text.contains("<EMAIL_1>"), text);
        assertEquals(CATEGORIES, Set.copyOf(inputs.getJsonObject("labelSets").getJsonArray("category").stream()
                .map(v -> ((jakarta.json.JsonString) v).getString()).toList()));
        assertEquals("email", stored.json().getJsonObject("decision").getJsonObject("labels").getJsonObject("category")
                .getString("value"));
        assertTrue(stored.json().getJsonNumber("latencyMs").doubleValue() >= 0);
        TicketSliceIT.assertProblem(api.get("/api/v1/tickets/" + UUID.randomUUID() + "/decision"), 404, "not-found");
    }

    @Test
    void feedbackIsStoredAndShownWithTheDecision() {
        String id = post(api, "Printer offline on reception", "The printer shows offline in Windows although it is on.");
        api.await("/api/v1/tickets/" + id, t -> "TRIAGED".equals(t.getString("status")), Duration.ofSeconds(60));
        Api.Answer given = api.post("/api/v1/tickets/" + id + "/feedback", "{\"labels\":{\"category\":\"network\",\"queue\":\"desk-side\"}}");
        assertEquals(200, given.status(), given.body());
        JsonObject confirmed = given.json().getJsonObject("confirmed");
        assertEquals(JsonValue.FALSE, confirmed.get("category"), given.body());
        JsonObject ticket = api.get("/api/v1/tickets/" + id).json();
        JsonObject feedback = ticket.getJsonObject("decision").getJsonObject("feedback");
        assertEquals("network", feedback.getString("category"));
        assertEquals("desk-side", feedback.getString("queue"));
        List<JsonValue> history = ticket.getJsonArray("history");
        assertTrue(history.get(history.size() - 1).asJsonObject().getString("detail").contains("category=network (corrected)"),
                history.toString());
        TicketSliceIT.assertProblem(api.post("/api/v1/tickets/" + id + "/feedback", "{\"labels\":{}}"), 400, "validation-failed");
        TicketSliceIT.assertProblem(api.post("/api/v1/tickets/" + UUID.randomUUID() + "/feedback",
                "{\"labels\":{\"category\":\"email\"}}"), 404, "not-found");
        TicketSliceIT.assertProblem(cold.post("/api/v1/tickets/" + id + "/feedback",
                "{\"labels\":{\"category\":\"email\"}}"), 404, "not-found");
    }

    @Test
    void aTenantWithoutHistoryGetsAColdStartDecision() {
        String id = post(cold, "VPN keeps disconnecting", "The tunnel drops every few minutes.");
        JsonObject ticket = cold.await("/api/v1/tickets/" + id, t -> "TRIAGED".equals(t.getString("status")),
                Duration.ofSeconds(60));
        JsonObject decision = ticket.getJsonObject("decision");
        assertTrue(decision.getBoolean("coldStart"));
        JsonObject labels = decision.getJsonObject("labels");
        assertEquals(Set.of("category", "priority", "queue", "assignee"), labels.keySet());
        for (JsonValue v : labels.values()) {
            JsonObject label = v.asJsonObject();
            assertEquals("MANUAL", label.getString("tier"));
            assertEquals(0, label.getJsonNumber("confidence").doubleValue());
            assertTrue(label.getString("reason").startsWith("cold start"), label.toString());
        }
        JsonObject event = awaitTriaged(id);
        assertTrue(event.getBoolean("coldStart"));
        assertEquals("MANUAL", event.getJsonObject("tiers").getString("category"));
    }

    @Test
    void emptyHugeAndOtherLanguageTextsStillGetValidDecisions() {
        List<String> ids = List.of(
                post(api, "?", ""),
                post(api, "Huge log pasted", "ERROR connection reset by peer at 10.0.0.1 ".repeat(5_000)),
                post(api, "Drucker druckt nicht", "Der Drucker im Empfang zeigt offline an und druckt keine Seiten mehr."),
                post(api, "プリンターが動かない", "受付のプリンターがオフラインになっています。"));
        for (String id : ids) {
            JsonObject decision = api.await("/api/v1/tickets/" + id, t -> "TRIAGED".equals(t.getString("status")),
                    Duration.ofSeconds(90)).getJsonObject("decision");
            assertValidLabel(decision.getJsonObject("labels").getJsonObject("category"), CATEGORIES);
            assertValidLabel(decision.getJsonObject("labels").getJsonObject("queue"), Set.copyOf(MspHistory.QUEUES.values()));
        }
    }

    @Test
    void evaluationReportsHeldOutQuality() {
        Api.Answer evaluated = api.post("/api/v1/models/evaluate", "{\"label\":\"category\",\"folds\":3}");
        assertEquals(200, evaluated.status(), evaluated.body());
        JsonObject e = Json.createReader(new StringReader(evaluated.body())).readArray().getJsonObject(0);
        assertEquals("category", e.getString("label"));
        // the 120 imported examples, plus any ticket a technician gave feedback on (feedback is training data too)
        assertTrue(e.getInt("size") >= 120 && e.getInt("size") <= 125, e.toString());
        assertTrue(e.getJsonNumber("accuracy").doubleValue() > 0.8, e.toString());
        assertTrue(e.getJsonNumber("macroF1").doubleValue() > 0.8, e.toString());
        assertEquals(CATEGORIES, e.getJsonObject("perValue").keySet());
        assertEquals(10, e.getJsonArray("reliability").size());
        double coverage = e.getJsonObject("tiers").values().stream()
                .mapToDouble(t -> t.asJsonObject().getJsonNumber("coverage").doubleValue()).sum();
        assertEquals(1.0, coverage, 1e-9);
        TicketSliceIT.assertProblem(api.post("/api/v1/models/evaluate", "{\"folds\":50}"), 400, "validation-failed");
        TicketSliceIT.assertProblem(cold.post("/api/v1/models/evaluate", "{}"), 404, "not-found");
        TicketSliceIT.assertProblem(api.send(api.request("/api/v1/models/train").header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString("not json\n{\"externalId\":\"x\"}\n"))), 400, "validation-failed");
    }

    static void assertValidLabel(JsonObject label, Set<String> values) {
        assertTrue(values.contains(label.getString("value")), label.toString());
        double confidence = label.getJsonNumber("confidence").doubleValue();
        assertTrue(confidence >= 0 && confidence <= 1, label.toString());
        assertTrue(TIERS.contains(label.getString("tier")), label.toString());
        assertFalse(label.getJsonArray("alternatives").isEmpty());
        for (JsonValue a : label.getJsonArray("alternatives")) {
            assertTrue(values.contains(a.asJsonObject().getString("value")));
            double c = a.asJsonObject().getJsonNumber("confidence").doubleValue();
            assertTrue(c >= 0 && c <= 1);
        }
    }

    static String post(Api tenant, String title, String body) {
        String json = Json.createObjectBuilder().add("externalId", "D-" + UUID.randomUUID()).add("source", "zendesk")
                .add("title", title).add("body", body).add("requester", "Carol Danvers <carol.danvers@contoso.example>")
                .add("client", "Contoso").add("createdAt", "2026-11-22T09:30:00Z").add("priority", "P3").build().toString();
        Api.Answer posted = tenant.post("/api/v1/tickets", json);
        assertEquals(202, posted.status(), posted.body());
        return posted.json().getString("id");
    }

    /** Reads ticket-triaged (a non-durable subscription opened before any ticket) until the ticket's event. */
    static JsonObject awaitTriaged(String ticketId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                TextMessage m = (TextMessage) triaged.receive(1000);
                if (m != null && ticketId.equals(m.getStringProperty("ticketId"))) {
                    return Json.createReader(new StringReader(m.getText())).readObject();
                }
            } catch (jakarta.jms.JMSException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no ticket-triaged message for " + ticketId);
    }
}
