package omega.app.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.json.JsonObject;

/** Connector fixtures (the normalizers' own sample payloads) and helpers for the connector ITs. */
final class Payload {

    private Payload() {
    }

    /** A sample payload from modules/connectors/src/test/resources/payloads/{platform}/{name}. */
    static String fixture(String platform, String name) {
        for (Path base : new Path[] {Path.of("../connectors/src/test/resources/payloads"),
                Path.of("modules/connectors/src/test/resources/payloads")}) {
            Path file = base.resolve(platform).resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    return Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("no fixture " + platform + "/" + name);
    }

    /** base64(HMAC-SHA256(secret, timestamp + body)), as Zendesk signs. */
    static String zendeskSignature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** "sha1=" + base64(HMAC-SHA1(secret key, body)), as Autotask signs webhook callouts (X-Hook-Signature). */
    static String autotaskSignature(String secretKey, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return "sha1=" + Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Finds a ticket by (source, externalId) in the tenant's list. */
    static Optional<JsonObject> ticket(Api api, String source, String externalId) {
        JsonObject page = api.get("/api/v1/tickets?size=200").json();
        return page.getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(t -> source.equals(t.getString("source")) && externalId.equals(t.getString("externalId")))
                .findFirst().map(t -> api.get("/api/v1/tickets/" + t.getString("id")).json());
    }

    /** Waits until the ticket (source, externalId) exists and went through the whole pipeline (TRIAGED, so its
     *  history no longer changes by itself); returns its full view. */
    static JsonObject awaitTicket(Api api, String source, String externalId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<JsonObject> t = ticket(api, source, externalId);
            if (t.isPresent() && "TRIAGED".equals(t.get().getString("status"))) {
                return t.get();
            }
            sleep(150);
        }
        throw new AssertionError("no ticket " + source + "/" + externalId + " within " + timeout);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
