package omega.app.it;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/** A tiny HTTP client for the ITs: one tenant key, JSON in and out. */
public final class Api {

    /**
     * HTTP/1.1: the JDK client's default first request on plain HTTP is an h2c upgrade, and Liberty parked such
     * requests in H2StreamProcessor.waitForConnectionInit under load (CrashRecoveryIT's 400 posts timed out; a thread
     * dump showed every request thread there). DashboardIT had met the same hang on static files.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String key;

    public Api(String baseUrl, String key) {
        this.baseUrl = baseUrl;
        this.key = key;
    }

    public record Answer(int status, String body, HttpResponse<String> raw) {
        public JsonObject json() {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                return r.readObject();
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public Answer post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    public Answer send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> r = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return b;
    }

    public static String ticket(String source, String externalId, String title) {
        return Json.createObjectBuilder()
                .add("externalId", externalId).add("source", source).add("title", title)
                .add("body", "Outlook keeps asking for the password since this morning. Ticket " + externalId)
                .add("requester", "ann.lee@example.com").add("client", "Acme Dental")
                .add("createdAt", "2026-11-22T09:30:00Z").add("priority", "P3").build().toString();
    }

    /** @return whether the triage stage picked the ticket up (it moves on from QUEUED_FOR_TRIAGE to TRIAGED by itself) */
    public static boolean pickedUp(JsonObject ticket) {
        String status = ticket.getString("status");
        return "QUEUED_FOR_TRIAGE".equals(status) || "TRIAGED".equals(status);
    }

    /** Polls GET path until the predicate holds on the JSON answer or the timeout passes. */
    public JsonObject await(String path, Predicate<JsonObject> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            Answer a = get(path);
            if (a.status() == 200) {
                last = a.json();
                if (condition.test(last)) {
                    return last;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("Condition not met within " + timeout + " on " + path + "; last answer: " + last);
    }
}
