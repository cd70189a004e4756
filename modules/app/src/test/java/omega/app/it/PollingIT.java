package omega.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Polling against local fakes of ServiceNow, ConnectWise, Autotask and Kaseya BMS (two pages each, the first
 * request answered 429): every ticket arrives, the 429 is retried, credentials are sent, the cursor advances.
 */
class PollingIT {

    static final String DEMO_KEY = "it-demo-key-" + UUID.randomUUID();
    static final Duration WAIT = Duration.ofSeconds(60);
    static FakePsaApis fake;
    static LibertyProcess server;
    static Api demo;

    @BeforeAll
    static void start() throws Exception {
        fake = new FakePsaApis();
        server = new LibertyProcess("polling-" + System.currentTimeMillis(), Map.of(
                "OMEGA_BOOTSTRAP_API_KEY", DEMO_KEY,
                "CONNECTORS_POLLING_TICK", "PT1S",
                "CONNECTORS_POLLING_PAGE_SIZE", "2")).start();
        demo = new Api(server.baseUrl(), DEMO_KEY);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void everyPolledPlatformDeliversAllPagesDespiteA429AndAdvancesItsCursor() {
        String since = ",\"pollIntervalSeconds\":2,\"pollSince\":\"2026-02-01T00:00:00Z\"";
        connect("{\"platform\":\"servicenow\",\"baseUrl\":\"" + fake.base("servicenow") + "\",\"username\":\"sn-user\",\"secret\":\"sn-pass\"" + since + "}");
        connect("{\"platform\":\"connectwise\",\"baseUrl\":\"" + fake.base("connectwise") + "\",\"company\":\"mspco\",\"username\":\"pub\",\"secret\":\"priv\",\"clientId\":\"cw-client\"" + since + "}");
        connect("{\"platform\":\"autotask\",\"baseUrl\":\"" + fake.base("autotask") + "\",\"username\":\"at-user\",\"secret\":\"at-secret\",\"integrationCode\":\"AT-CODE\"" + since + "}");
        connect("{\"platform\":\"kaseya-bms\",\"baseUrl\":\"" + fake.base("kaseya") + "\",\"username\":\"bms-user\",\"secret\":\"bms-pass\",\"company\":\"HarborMSP\"" + since + "}");

        assertEquals("SN polled three", Payload.awaitTicket(demo, "servicenow", "sn-3", WAIT).getString("title"));
        Payload.awaitTicket(demo, "servicenow", "sn-1", WAIT);
        assertEquals("CW polled three", Payload.awaitTicket(demo, "connectwise", "703", WAIT).getString("title"));
        Payload.awaitTicket(demo, "connectwise", "701", WAIT);
        assertEquals("AT polled three", Payload.awaitTicket(demo, "autotask", "803", WAIT).getString("title"));
        Payload.awaitTicket(demo, "autotask", "801", WAIT);
        assertEquals("BMS polled three", Payload.awaitTicket(demo, "kaseya-bms", "903", WAIT).getString("title"));
        Payload.awaitTicket(demo, "kaseya-bms", "902", WAIT);

        for (String p : new String[] {"servicenow", "connectwise", "autotask", "kaseya-bms"}) {
            assertEquals(1, fake.tooManyRequests.get(p).get(), p + " was answered 429 once: " + fake.requests);
        }
        assertTrue(fake.requests.stream().anyMatch(r -> r.startsWith("autotask GET") && r.contains("/Tickets/query/next")),
                "autotask followed nextPageUrl: " + fake.requests);
        assertTrue(fake.requests.stream().anyMatch(r -> r.startsWith("servicenow") && r.contains("sysparm_offset=2")),
                "servicenow paged by offset: " + fake.requests);
        JsonObject connections = demo.await("/api/v1/tenants/demo/connections", c -> c.getJsonArray("items").stream()
                .allMatch(v -> v.asJsonObject().containsKey("pollCursor")
                        && Instant.parse(v.asJsonObject().getString("pollCursor")).equals(Instant.parse("2026-03-01T10:10:00Z"))),
                WAIT);
        connections.getJsonArray("items").forEach(v -> assertTrue(!v.asJsonObject().containsKey("lastPollError")
                || v.asJsonObject().isNull("lastPollError"), v.toString()));
        assertTrue(!connections.toString().contains("sn-pass") && !connections.toString().contains("priv\""), "secrets never shown");
    }

    static void connect(String json) {
        Api.Answer created = demo.post("/api/v1/tenants/demo/connections", json);
        assertEquals(201, created.status(), created.body());
    }
}
