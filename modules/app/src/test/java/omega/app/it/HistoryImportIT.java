package omega.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * History import against a started server: NDJSON and CSV with rejects (line + reason), progress by job id,
 * the column mapping, tenancy, and a streamed body larger than the API's 1 MiB limit.
 */
class HistoryImportIT {

    static final String DEMO_KEY = "it-demo-key-" + UUID.randomUUID();
    static final String ACME_KEY = "it-acme-key-" + UUID.randomUUID();
    static final Duration WAIT = Duration.ofSeconds(60);
    static LibertyProcess server;
    static Api demo;
    static Api acme;

    @BeforeAll
    static void start() {
        server = new LibertyProcess("history-" + System.currentTimeMillis(), Map.of(
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
    void ndjsonImportAcceptsGoodRowsAndListsRejectsWithLineAndReason() {
        String ndjson = String.join("\n",
                "{\"externalId\":\"H-1\",\"title\":\"Printer offline\",\"body\":\"Restarted spooler\",\"createdAt\":\"2025-01-02T10:00:00Z\",\"labels\":{\"queue\":\"Service Desk\",\"category\":\"printing\"},\"resolution\":\"Spooler restarted\"}",
                "{\"externalId\":\"H-2\",\"title\":\"VPN drops\",\"labels\":{\"queue\":\"Network\"}}",
                "{\"externalId\":\"H-3\",\"title\":\"Bad date\",\"createdAt\":\"yesterday\"}",
                "{\"title\":\"No id\"}",
                "{not json",
                "",
                "{\"externalId\":42,\"body\":\"Numeric id, body only\",\"createdAt\":\"2025-01-03 08:00:00\"}") + "\n";
        JsonObject job = awaitDone(post(demo, "/api/v1/history", "application/x-ndjson", ndjson));
        assertEquals("ndjson", job.getString("format"));
        assertEquals(6, job.getInt("rowsRead"), job.toString());
        assertEquals(3, job.getInt("accepted"), job.toString());
        assertEquals(3, job.getInt("rejected"), job.toString());
        List<String> rejects = job.getJsonArray("rejects").stream()
                .map(v -> v.asJsonObject().getInt("line") + ":" + v.asJsonObject().getString("reason")).toList();
        assertTrue(rejects.get(0).startsWith("3:createdAt is not a timestamp"), rejects.toString());
        assertEquals("4:missing externalId", rejects.get(1));
        assertTrue(rejects.get(2).startsWith("5:malformed JSON"), rejects.toString());
    }

    @Test
    void csvImportUsesTheColumnMappingAndQuotedFields() {
        String csv = "Number,Short description,Description,Assignment group,Opened\r\n"
                + "INC001,Outlook prompts for password,\"Multi-line\r\nbody, with comma and \"\"quotes\"\"\",Service Desk,2025-02-01 09:00:00\r\n"
                + "INC002,,,Network,2025-02-02 09:00:00\r\n"
                + "INC003,Too few fields\r\n"
                + "INC004,Disk full on FS01,Cleaned temp,Infrastructure,2025-02-03\r\n";
        String path = "/api/v1/history?externalId=Number&title=Short%20description&body=Description"
                + "&label.queue=Assignment%20group&createdAt=Opened";
        JsonObject job = awaitDone(post(demo, path, "text/csv", csv));
        assertEquals("csv", job.getString("format"));
        assertEquals(4, job.getInt("rowsRead"), job.toString());
        assertEquals(2, job.getInt("accepted"), job.toString());
        List<String> rejects = job.getJsonArray("rejects").stream()
                .map(v -> v.asJsonObject().getInt("line") + ":" + v.asJsonObject().getString("reason")).toList();
        assertEquals(List.of("4:missing title and body: a ticket needs one of them", "5:has 2 fields, the header has 5"), rejects);
    }

    @Test
    void csvNeedsAMappingAndItsColumns() {
        ConnectorWebhooksIT.assertProblem(post(demo, "/api/v1/history", "text/csv", "a,b\n1,2\n"), 400, "validation-failed");
        JsonObject job = awaitFinished(post(demo, "/api/v1/history?externalId=Number&title=Title", "text/csv", "Id,Title\n1,x\n"));
        assertEquals("FAILED", job.getString("status"));
        assertTrue(job.getString("error").contains("'Number'"), job.toString());
    }

    @Test
    void aBodyOverTheApiLimitIsStreamedAndJobsAreTenantScoped() {
        StringBuilder ndjson = new StringBuilder();
        int rows = 6_000;
        for (int i = 0; i < rows; i++) {
            ndjson.append("{\"externalId\":\"B-").append(i).append("\",\"title\":\"Bulk ").append(i)
                    .append("\",\"body\":\"").append("x".repeat(200)).append("\",\"labels\":{\"queue\":\"Q").append(i % 7)
                    .append("\"}}\n");
        }
        assertTrue(ndjson.length() > 1_100_000);
        Api.Answer posted = post(demo, "/api/v1/history", "application/x-ndjson", ndjson.toString());
        JsonObject job = awaitDone(posted);
        assertEquals(rows, job.getInt("accepted"));
        assertEquals(ndjson.length(), job.getJsonNumber("bytes").longValue());
        ConnectorWebhooksIT.assertProblem(acme.get("/api/v1/history/" + posted.json().getString("id")), 404, "not-found");
    }

    static Api.Answer post(Api api, String path, String type, String body) {
        return api.send(api.request(path).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static JsonObject awaitDone(Api.Answer posted) {
        JsonObject job = awaitFinished(posted);
        assertEquals("DONE", job.getString("status"), job.toString());
        return job;
    }

    /** Waits for a job of any tenant's api to finish and checks it is DONE. */
    static JsonObject awaitDoneFor(Api api, Api.Answer posted, Duration wait) {
        assertEquals(202, posted.status(), posted.body());
        JsonObject job = api.await("/api/v1/history/" + posted.json().getString("id"),
                j -> !j.getString("status").equals("PROCESSING") && !j.getString("status").equals("RECEIVING"), wait);
        assertEquals("DONE", job.getString("status"), job.toString());
        return job;
    }

    static JsonObject awaitFinished(Api.Answer posted) {
        assertEquals(202, posted.status(), posted.body());
        String id = posted.json().getString("id");
        assertTrue(posted.header("Location").endsWith("/api/v1/history/" + id), posted.header("Location"));
        return demo.await("/api/v1/history/" + id, j -> !j.getString("status").equals("PROCESSING")
                && !j.getString("status").equals("RECEIVING"), WAIT);
    }
}
