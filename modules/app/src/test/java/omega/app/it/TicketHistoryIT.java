package omega.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The triage stage's {@code ticket-history} consumer on a started server (Derby, embedded messaging): a PSA history
 * import (POST /api/v1/history, connectors) publishes labelled tickets; triage stores them as examples and, once
 * {@code triage.retrain.min-new-examples} arrived, trains the tenant's models in the background; a new ticket is then
 * decided by them (no cold start).
 */
class TicketHistoryIT {

    static final String KEY = "it-history-triage-" + UUID.randomUUID();
    static LibertyProcess server;
    static Api api;

    @BeforeAll
    static void start() {
        server = new LibertyProcess("ticket-history-" + System.currentTimeMillis(), Map.of(
                "OMEGA_BOOTSTRAP_API_KEY", KEY)).start();
        api = new Api(server.baseUrl(), KEY);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void anImportedHistoryTrainsModelsThatDecideNewTickets() {
        String cold = post("VPN keeps disconnecting", "The tunnel drops every few minutes.");
        assertTrue(triaged(cold).getBoolean("coldStart"), "no history yet");

        List<String> history = MspHistory.ndjson(20); // 80 labelled tickets, more than min-new-examples (50)
        Api.Answer imported = api.send(api.request("/api/v1/history").header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", history) + "\n")));
        assertEquals(202, imported.status(), imported.body());
        JsonObject job = api.await("/api/v1/history/" + imported.json().getString("id"),
                j -> "DONE".equals(j.getString("status")), Duration.ofSeconds(60));
        assertEquals(80, job.getInt("accepted"), job.toString());

        JsonObject models = api.await("/api/v1/models", m -> m.getJsonArray("models").size() == 2
                && !m.getBoolean("training") && m.getInt("examples") == 80, Duration.ofSeconds(300));
        assertEquals(List.of("category", "queue"), models.getJsonArray("models").stream()
                .map(v -> v.asJsonObject().getString("label")).sorted().toList(), models.toString());
        for (JsonValue model : models.getJsonArray("models")) {
            assertTrue(model.asJsonObject().getString("version").startsWith(model.asJsonObject().getString("label") + "-"));
        }

        JsonObject decision = triaged(post("VPN keeps disconnecting at the branch",
                "The VPN tunnel drops every few minutes and users lose their sessions. Ping to the gateway times out."));
        assertFalse(decision.getBoolean("coldStart"), decision.toString());
        assertEquals("network", decision.getJsonObject("labels").getJsonObject("category").getString("value"),
                decision.toString());
        assertEquals("infrastructure", decision.getJsonObject("labels").getJsonObject("queue").getString("value"));
        assertTrue(decision.getJsonObject("modelVersions").getString("category").startsWith("category-"));
    }

    static String post(String title, String body) {
        String json = Json.createObjectBuilder().add("externalId", "TH-" + UUID.randomUUID()).add("source", "zendesk")
                .add("title", title).add("body", body).add("requester", "Dana Scully").add("client", "Contoso")
                .add("createdAt", "2026-11-22T09:30:00Z").add("priority", "P3").build().toString();
        Api.Answer posted = api.post("/api/v1/tickets", json);
        assertEquals(202, posted.status(), posted.body());
        return posted.json().getString("id");
    }

    static JsonObject triaged(String id) {
        return api.await("/api/v1/tickets/" + id, t -> "TRIAGED".equals(t.getString("status")), Duration.ofSeconds(90))
                .getJsonObject("decision");
    }
}
