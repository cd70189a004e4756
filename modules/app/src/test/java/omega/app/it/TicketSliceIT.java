package omega.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first vertical slice on embedded defaults (Derby + Liberty's messaging engine), against a started
 * server: intake, durability, idempotency, the triage stage's consumer, tenancy and the error contract.
 */
class TicketSliceIT {

    static final String DEMO_KEY = "it-demo-key-" + UUID.randomUUID();
    static final String ACME_KEY = "it-acme-key-" + UUID.randomUUID();
    static LibertyProcess server;
    static Api demo;
    static Api acme;

    @BeforeAll
    static void start() {
        server = new LibertyProcess("slice-embedded-" + System.currentTimeMillis(), Map.of(
                "OMEGA_BOOTSTRAP_API_KEY", DEMO_KEY,
                "OMEGA_BOOTSTRAP_EXTRA_TENANTS", "acme=" + ACME_KEY)).start();
        demo = new Api(server.baseUrl(), DEMO_KEY);
        acme = new Api(server.baseUrl(), ACME_KEY);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aPostedTicketIsAcceptedQueuedForTriageThenTriaged() {
        String externalId = "ZD-" + UUID.randomUUID();
        Api.Answer posted = demo.post("/api/v1/tickets", Api.ticket("zendesk", externalId, "Outlook password prompt"));
        assertEquals(202, posted.status(), posted.body());
        JsonObject accepted = posted.json();
        String id = accepted.getString("id");
        assertEquals("RECEIVED", accepted.getString("status"));
        assertEquals(server.baseUrl() + "/api/v1/tickets/" + id, posted.header("Location"));

        JsonObject ticket = demo.await("/api/v1/tickets/" + id,
                t -> "TRIAGED".equals(t.getString("status")), Duration.ofSeconds(60));
        assertEquals(externalId, ticket.getString("externalId"));
        assertEquals("Acme Dental", ticket.getString("client"));
        List<String> history = ticket.getJsonArray("history").stream()
                .map(v -> v.asJsonObject().getString("status")).toList();
        assertEquals(List.of("RECEIVED", "QUEUED_FOR_TRIAGE", "TRIAGED"), history);
        // no model for this tenant: a cold-start decision, every label MANUAL
        JsonObject decision = ticket.getJsonObject("decision");
        assertTrue(decision.getBoolean("coldStart"), decision.toString());
        assertTrue(decision.getJsonObject("labels").values().stream()
                .allMatch(l -> "MANUAL".equals(l.asJsonObject().getString("tier"))), decision.toString());
    }

    @Test
    void resendingTheSameTicketAnswersTheSameIdAndCreatesNothing() {
        String externalId = "SN-" + UUID.randomUUID();
        String body = Api.ticket("servicenow", externalId, "VPN drops every hour");
        Api.Answer first = demo.post("/api/v1/tickets", body);
        Api.Answer second = demo.post("/api/v1/tickets", body);
        assertEquals(202, first.status());
        assertEquals(200, second.status(), second.body());
        assertEquals(first.json().getString("id"), second.json().getString("id"));
        assertTrue(second.json().getBoolean("duplicate"));
        // the same external id from another source is another ticket
        Api.Answer other = demo.post("/api/v1/tickets", Api.ticket("autotask", externalId, "VPN drops every hour"));
        assertEquals(202, other.status());
        assertFalse(other.json().getString("id").equals(first.json().getString("id")));
    }

    @Test
    void everyApiCallNeedsAValidCredential() {
        Api anonymous = new Api(server.baseUrl(), null);
        Api.Answer none = anonymous.get("/api/v1/tickets");
        assertProblem(none, 401, "unauthenticated");
        assertNotNull(none.header("WWW-Authenticate"));
        assertProblem(new Api(server.baseUrl(), "omk_not-a-real-key-at-all").get("/api/v1/tickets"), 401, "unauthenticated");
        assertProblem(new Api(server.baseUrl(), "eyJhbGciOiJSUzI1NiJ9.eyJ0ZW5hbnQiOiJkZW1vIn0.c2ln").get("/api/v1/tickets"),
                401, "unauthenticated");
    }

    @Test
    void anotherTenantsTicketIsNotFound() {
        Api.Answer posted = demo.post("/api/v1/tickets", Api.ticket("zendesk", "X-" + UUID.randomUUID(), "Secret"));
        String id = posted.json().getString("id");
        assertProblem(acme.get("/api/v1/tickets/" + id), 404, "not-found");
        JsonObject acmeList = acme.get("/api/v1/tickets?size=200").json();
        assertTrue(acmeList.getJsonArray("items").stream().noneMatch(v -> id.equals(v.asJsonObject().getString("id"))));
        assertEquals(200, demo.get("/api/v1/tickets/" + id).status());
    }

    @Test
    void malformedAndInvalidBodiesGetProblemDetails() {
        assertProblem(demo.post("/api/v1/tickets", "{\"externalId\": \"1\", "), 400, "malformed-json");
        assertProblem(demo.post("/api/v1/tickets", "[1,2,3]"), 400, "malformed-json");
        Api.Answer invalid = demo.post("/api/v1/tickets", "{\"externalId\":\"1\",\"source\":\"zendesk\",\"createdAt\":\"yesterday\"}");
        assertProblem(invalid, 400, "validation-failed");
        JsonObject errors = invalid.json().getJsonObject("errors");
        assertTrue(errors.containsKey("title") && errors.containsKey("requester") && errors.containsKey("createdAt"),
                invalid.body());
        // unknown fields are tolerated
        String withExtras = Api.ticket("zendesk", "EXTRA-" + UUID.randomUUID(), "Extra fields")
                .replaceFirst("\\{", "{\"via\":{\"channel\":\"email\"},\"tags\":[\"a\"],");
        assertEquals(202, demo.post("/api/v1/tickets", withExtras).status());
    }

    @Test
    void oversizedBodiesGet413WithOrWithoutContentLength() {
        String huge = Api.ticket("zendesk", "BIG-" + UUID.randomUUID(), "Big").replace("\"body\":\"",
                "\"body\":\"" + "x".repeat(1_100_000));
        assertProblem(demo.post("/api/v1/tickets", huge), 413, "payload-too-large");
        byte[] bytes = huge.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Api.Answer chunked = demo.send(demo.request("/api/v1/tickets").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
        assertProblem(chunked, 413, "payload-too-large");
    }

    @Test
    void listingPagesAndFiltersByStatus() {
        String source = "paging" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            assertEquals(202, acme.post("/api/v1/tickets", Api.ticket(source, "P-" + i, "Paging " + i)).status());
        }
        JsonObject page = acme.get("/api/v1/tickets?size=2&page=0").json();
        assertEquals(2, page.getJsonArray("items").size());
        assertTrue(page.getJsonNumber("total").longValue() >= 3);
        JsonObject triaged = acme.await("/api/v1/tickets?status=TRIAGED&size=200",
                p -> p.getJsonNumber("total").longValue() >= 3, Duration.ofSeconds(60));
        assertTrue(triaged.getJsonArray("items").stream()
                .allMatch(v -> "TRIAGED".equals(v.asJsonObject().getString("status"))));
        assertProblem(acme.get("/api/v1/tickets?status=BOGUS"), 400, "invalid-status");
        assertProblem(acme.get("/api/v1/tickets?size=1000"), 400, "invalid-paging");
    }

    @Test
    void healthAndOpenApiAreServed() {
        assertEquals(200, server.status("/health/live"));
        assertEquals(200, server.status("/health/ready"));
        assertEquals(200, server.status("/health/started"));
        Api anonymous = new Api(server.baseUrl(), null);
        Api.Answer openapi = anonymous.get("/openapi");
        assertEquals(200, openapi.status());
        assertTrue(openapi.body().contains("/api/v1/tickets/{id}"), "OpenAPI document lists the ticket endpoints");
        assertEquals(200, server.status("/openapi/ui/"));
        assertProblem(demo.get("/api/v1/nothing-here"), 404, "not-found");
    }

    static void assertProblem(Api.Answer answer, int status, String type) {
        assertEquals(status, answer.status(), answer.body());
        assertEquals("application/problem+json", answer.header("Content-Type"), answer.body());
        JsonObject problem = answer.json();
        assertEquals("https://omega.dev/problems/" + type, problem.getString("type"), answer.body());
        assertEquals(status, problem.getInt("status"));
        assertFalse(answer.body().contains("Exception") || answer.body().contains("\tat "), "no stack traces");
    }
}
