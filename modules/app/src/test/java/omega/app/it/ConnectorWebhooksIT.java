package omega.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connectors wired into a running server (embedded defaults): every platform's webhook becomes a canonical
 * ticket through ticket-raw → normalizer stage → ticket-normalized → triage; duplicates and older updates
 * change nothing; failures are visible and replayable; webhook tokens, Zendesk signatures and the Salesforce
 * SOAP contract (Ack, faults, XXE) hold.
 */
class ConnectorWebhooksIT {

    static final String DEMO_KEY = "it-demo-key-" + UUID.randomUUID();
    static final String ACME_KEY = "it-acme-key-" + UUID.randomUUID();
    static final String ZENDESK_SECRET = "zd-signing-secret-" + UUID.randomUUID();
    static final String AUTOTASK_KEY = "at-secret-key-" + UUID.randomUUID();
    static final String SF_ORG = "00D5g000000TeStEAU";
    static final Duration WAIT = Duration.ofSeconds(30);
    static LibertyProcess server;
    static Api demo;
    static Api acme;
    static String servicenowToken;

    @BeforeAll
    static void start() {
        server = new LibertyProcess("connectors-" + System.currentTimeMillis(), Map.of(
                "OMEGA_BOOTSTRAP_API_KEY", DEMO_KEY,
                "OMEGA_BOOTSTRAP_EXTRA_TENANTS", "acme=" + ACME_KEY)).start();
        demo = new Api(server.baseUrl(), DEMO_KEY);
        acme = new Api(server.baseUrl(), ACME_KEY);
        assertEquals(201, demo.post("/api/v1/tenants/demo/connections",
                "{\"platform\":\"zendesk\",\"signingSecret\":\"" + ZENDESK_SECRET + "\"}").status());
        assertEquals(201, demo.post("/api/v1/tenants/demo/connections",
                "{\"platform\":\"salesforce\",\"organizationId\":\"" + SF_ORG + "\"}").status());
        assertEquals(201, demo.post("/api/v1/tenants/demo/connections",
                "{\"platform\":\"autotask\",\"signingSecret\":\"" + AUTOTASK_KEY + "\"}").status());
        Api.Answer sn = demo.post("/api/v1/tenants/demo/connections", "{\"platform\":\"servicenow\"}");
        assertEquals(201, sn.status(), sn.body());
        servicenowToken = sn.json().getString("webhookToken");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void everyPlatformsWebhookBecomesACanonicalTicket() {
        Api.Answer zd = zendesk(demo, Payload.fixture("zendesk", "event-ticket-created.json"), Instant.now().toString());
        assertEquals(202, zd.status(), zd.body());
        Api.Answer sn = demo.post("/api/v1/integrations/servicenow/webhook", Payload.fixture("servicenow", "incident-get.json"));
        assertEquals(202, sn.status(), sn.body());
        Api.Answer sf = soap(demo, "/api/v1/integrations/salesforce/webhook", Payload.fixture("salesforce", "outbound-message.xml"));
        assertEquals(200, sf.status(), sf.body());
        assertTrue(sf.body().contains("<out:Ack>true</out:Ack>"), sf.body());
        assertTrue(sf.header("Content-Type").startsWith("text/xml"));
        assertEquals(202, demo.post("/api/v1/integrations/kaseya-bms/webhook", Payload.fixture("kaseya-bms", "ticket-pascal.json")).status());
        assertEquals(202, demo.post("/api/v1/integrations/connectwise/webhook", Payload.fixture("connectwise", "callback-updated.json")).status());
        Api.Answer at = autotask(demo, Payload.fixture("autotask", "webhook-update.json"), AUTOTASK_KEY);
        assertEquals(202, at.status(), at.body());
        assertEquals(1, at.json().getInt("tickets"));
        assertFalse(at.json().getBoolean("duplicate"));

        assertEquals("3rd floor printer offline", Payload.awaitTicket(demo, "zendesk", "7301", WAIT).getString("title"));
        assertEquals("Password reset for warehouse scanner account",
                Payload.awaitTicket(demo, "servicenow", "f12ca184735123002728660c4cf6a7ef", WAIT).getString("title"));
        assertEquals("Firewall blocks the new CRM", Payload.awaitTicket(demo, "salesforce", "5005g00000OutB1AAF", WAIT).getString("title"));
        JsonObject kaseya = Payload.awaitTicket(demo, "kaseya-bms", "1203", WAIT);
        assertEquals("Laptop battery swollen", kaseya.getString("title"));
        assertEquals("Harbor Clinic", kaseya.getString("client"));
        assertEquals("Printer jam in reception", Payload.awaitTicket(demo, "connectwise", "88124", WAIT).getString("title"));
        JsonObject autotask = Payload.awaitTicket(demo, "autotask", "51003", WAIT);
        assertEquals("Accounting app license expired", autotask.getString("title"));
        assertEquals("P2", autotask.getString("priority"));
        // another tenant sees none of it
        assertTrue(Payload.ticket(acme, "autotask", "51003").isEmpty());
    }

    @Test
    void aDuplicateDeliveryChangesNothing() {
        String body = serviceNow("dup-" + UUID.randomUUID(), "Duplicate delivery", "2026-03-01 10:00:00");
        Api.Answer first = demo.post("/api/v1/integrations/servicenow/webhook", body);
        assertEquals(202, first.status(), first.body());
        String externalId = Json.createReader(new java.io.StringReader(body)).readObject().getString("sys_id");
        JsonObject before = Payload.awaitTicket(demo, "servicenow", externalId, WAIT);
        Api.Answer second = demo.post("/api/v1/integrations/servicenow/webhook", body);
        assertEquals(202, second.status());
        assertTrue(second.json().getBoolean("duplicate"));
        assertEquals(first.json().getString("rawId"), second.json().getString("rawId"));
        Payload.sleep(1_500);
        JsonObject after = Payload.ticket(demo, "servicenow", externalId).orElseThrow();
        assertEquals(before.getJsonArray("history").size(), after.getJsonArray("history").size());
        assertEquals(before.getJsonNumber("version").longValue(), after.getJsonNumber("version").longValue());
    }

    @Test
    void anOlderUpdateAfterANewerOneIsIgnored() {
        String id = "order-" + UUID.randomUUID();
        assertEquals(202, demo.post("/api/v1/integrations/servicenow/webhook",
                serviceNow(id, "Newer title", "2026-03-01 12:00:00")).status());
        JsonObject newer = Payload.awaitTicket(demo, "servicenow", id, WAIT);
        assertEquals("Newer title", newer.getString("title"));
        assertEquals(202, demo.post("/api/v1/integrations/servicenow/webhook",
                serviceNow(id, "Older title", "2026-03-01 11:00:00")).status());
        // a later sentinel on the same path proves the older update went through the stages
        String sentinel = "sentinel-" + UUID.randomUUID();
        demo.post("/api/v1/integrations/servicenow/webhook", serviceNow(sentinel, "Sentinel", "2026-03-01 13:00:00"));
        Payload.awaitTicket(demo, "servicenow", sentinel, WAIT);
        Payload.sleep(1_500);
        JsonObject after = Payload.ticket(demo, "servicenow", id).orElseThrow();
        assertEquals("Newer title", after.getString("title"));
        assertEquals(newer.getJsonNumber("version").longValue(), after.getJsonNumber("version").longValue());
        // and a newer one still wins
        assertEquals(202, demo.post("/api/v1/integrations/servicenow/webhook",
                serviceNow(id, "Newest title", "2026-03-01 14:00:00")).status());
        demo.await("/api/v1/tickets/" + after.getString("id"), t -> "Newest title".equals(t.getString("title")), WAIT);
    }

    @Test
    void aPayloadThatFailsNormalizationIsVisibleAndReplayableAfterTheFix() {
        // acme's Salesforce connection names the wrong organization
        assertEquals(201, acme.post("/api/v1/tenants/acme/connections",
                "{\"platform\":\"salesforce\",\"organizationId\":\"00D000000000001\"}").status());
        Api.Answer refused = soap(acme, "/api/v1/integrations/salesforce/webhook", Payload.fixture("salesforce", "outbound-message.xml"));
        assertEquals(500, refused.status());
        assertTrue(refused.body().contains("<faultcode>soapenv:Client</faultcode>"), refused.body());
        assertTrue(refused.body().contains("organization-mismatch"), refused.body());
        JsonObject failures = acme.get("/api/v1/integrations/failures").json();
        assertEquals(1, failures.getInt("total"), failures.toString());
        JsonObject failure = failures.getJsonArray("items").getJsonObject(0);
        assertEquals("organization-mismatch", failure.getString("reason"));
        assertEquals("OPEN", failure.getString("status"));
        assertTrue(Payload.ticket(acme, "salesforce", "5005g00000OutB1AAF").isEmpty(), "nothing stored as a ticket");
        assertEquals(0, demo.get("/api/v1/integrations/failures?status=OPEN").json().getJsonArray("items").stream()
                .filter(f -> f.asJsonObject().getString("id").equals(failure.getString("id"))).count(), "tenant-scoped");
        assertEquals(404, demo.send(demo.request("/api/v1/integrations/failures/" + failure.getString("id") + "/replay")
                .POST(HttpRequest.BodyPublishers.noBody())).status());

        // the operator fixes the organization id, then replays
        assertEquals(204, acme.send(acme.request("/api/v1/tenants/acme/connections/salesforce").DELETE()).status());
        assertEquals(201, acme.post("/api/v1/tenants/acme/connections",
                "{\"platform\":\"salesforce\",\"organizationId\":\"" + SF_ORG + "\"}").status());
        Api.Answer replay = acme.send(acme.request("/api/v1/integrations/failures/" + failure.getString("id") + "/replay")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(202, replay.status(), replay.body());
        assertEquals("Firewall blocks the new CRM", Payload.awaitTicket(acme, "salesforce", "5005g00000OutB1AAF", WAIT).getString("title"));
        assertEquals("Scanner driver on reception PC", Payload.awaitTicket(acme, "salesforce", "5005g00000OutB2AAF", WAIT).getString("title"));
        acme.await("/api/v1/integrations/failures", p -> "RESOLVED".equals(
                p.getJsonArray("items").getJsonObject(0).getString("status")), WAIT);
    }

    @Test
    void aPayloadWithMissingFieldsIsRefusedRecordedAndAReplayThatStillFailsCountsAnAttempt() {
        String body = "{\"sys_id\":\"missing-" + UUID.randomUUID() + "\",\"sys_updated_on\":\"2026-03-01 10:00:00\"}";
        Api.Answer refused = demo.post("/api/v1/integrations/servicenow/webhook", body);
        assertEquals(400, refused.status(), refused.body());
        assertEquals("application/problem+json", refused.header("Content-Type"));
        assertEquals("https://omega.dev/problems/missing-field", refused.json().getString("type"));
        assertTrue(refused.json().getString("detail").contains("recorded as failure "), refused.body());
        String failureId = refused.json().getString("detail").replaceAll("(?s).*recorded as failure ([0-9a-f-]{36}).*", "$1");
        JsonObject failure = demo.get("/api/v1/integrations/failures?size=200").json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject()).filter(f -> f.getString("id").equals(failureId)).findFirst().orElseThrow();
        assertEquals("missing-field", failure.getString("reason"));
        assertEquals(1, failure.getInt("attempts"));
        // the normalizer stage fails it again (a permanent failure: recorded and dead-lettered at once, not redelivered)
        assertEquals(202, demo.send(demo.request("/api/v1/integrations/failures/" + failureId + "/replay")
                .POST(HttpRequest.BodyPublishers.noBody())).status());
        demo.await("/api/v1/integrations/failures?size=200", p -> p.getJsonArray("items").stream().map(v -> v.asJsonObject())
                .anyMatch(f -> f.getString("id").equals(failureId) && f.getInt("attempts") == 2
                        && "OPEN".equals(f.getString("status"))), WAIT);
        assertProblem(demo.get("/api/v1/integrations/failures?size=0"), 400, "invalid-paging");
    }

    @Test
    void platformsWithoutBearerUseTheWebhookTokenOnlyOnTheirWebhook() {
        Api anonymous = new Api(server.baseUrl(), null);
        String id = "token-" + UUID.randomUUID();
        Api.Answer byHeader = anonymous.send(anonymous.request("/api/v1/integrations/servicenow/webhook")
                .header("Content-Type", "application/json").header("X-Omega-Webhook-Token", servicenowToken)
                .POST(HttpRequest.BodyPublishers.ofString(serviceNow(id, "Via header token", "2026-03-01 10:00:00"))));
        assertEquals(202, byHeader.status(), byHeader.body());
        String id2 = "query-" + UUID.randomUUID();
        Api.Answer byQuery = anonymous.send(anonymous.request("/api/v1/integrations/servicenow/webhook?token=" + servicenowToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(serviceNow(id2, "Via query token", "2026-03-01 10:00:00"))));
        assertEquals(202, byQuery.status(), byQuery.body());
        assertEquals("Via header token", Payload.awaitTicket(demo, "servicenow", id, WAIT).getString("title"));
        assertEquals("Via query token", Payload.awaitTicket(demo, "servicenow", id2, WAIT).getString("title"));

        assertProblem(anonymous.send(anonymous.request("/api/v1/integrations/servicenow/webhook?token=omw_wrong-token-000000000000")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))), 401, "unauthenticated");
        assertProblem(anonymous.send(anonymous.request("/api/v1/integrations/autotask/webhook?token=" + servicenowToken)
                .POST(HttpRequest.BodyPublishers.ofString("{}"))), 401, "unauthenticated");
        assertProblem(anonymous.send(anonymous.request("/api/v1/tickets").header("X-Omega-Webhook-Token", servicenowToken)
                .GET()), 401, "unauthenticated");
        assertProblem(anonymous.send(anonymous.request("/api/v1/integrations/failures?token=" + servicenowToken).GET()),
                401, "unauthenticated");
    }

    @Test
    void zendeskDeliveriesNeedAValidFreshSignature() {
        String body = Payload.fixture("zendesk", "event-ticket-created.json").replace("\"7301\"", "\"7399\"");
        String now = Instant.now().toString();
        Api.Answer wrong = demo.send(demo.request("/api/v1/integrations/zendesk/webhook").header("Content-Type", "application/json")
                .header("X-Zendesk-Webhook-Signature-Timestamp", now)
                .header("X-Zendesk-Webhook-Signature", Payload.zendeskSignature("not-the-secret", now, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertProblem(wrong, 401, "invalid-signature");
        assertProblem(zendesk(demo, body, Instant.now().minusSeconds(3_600).toString()), 401, "invalid-signature");
        Api.Answer unsigned = demo.post("/api/v1/integrations/zendesk/webhook", body);
        assertProblem(unsigned, 401, "invalid-signature");
        // acme has no zendesk connection, so no secret to verify with
        assertProblem(zendesk(acme, body, Instant.now().toString()), 403, "webhook-not-configured");
        Payload.sleep(1_000);
        assertTrue(Payload.ticket(demo, "zendesk", "7399").isEmpty(), "nothing stored as a ticket");
    }

    @Test
    void autotaskDeliveriesNeedAValidSignature() {
        String body = Payload.fixture("autotask", "webhook-update.json").replace("51003", "51077");
        assertProblem(autotask(demo, body, "not-the-secret-key"), 401, "invalid-signature");
        Api.Answer tampered = demo.send(demo.request("/api/v1/integrations/autotask/webhook")
                .header("Content-Type", "application/json")
                .header("X-Hook-Signature", Payload.autotaskSignature(AUTOTASK_KEY, body))
                .POST(HttpRequest.BodyPublishers.ofString(body.replace("Accounting", "Accountancy"))));
        assertProblem(tampered, 401, "invalid-signature");
        Api.Answer unsigned = demo.post("/api/v1/integrations/autotask/webhook", body);
        assertProblem(unsigned, 401, "invalid-signature");
        assertTrue(unsigned.json().getString("detail").contains("X-Hook-Signature"), unsigned.body());
        // acme has no autotask connection, so no secret key to verify with
        assertProblem(autotask(acme, body, AUTOTASK_KEY), 403, "webhook-not-configured");
        Payload.sleep(1_000);
        assertTrue(Payload.ticket(demo, "autotask", "51077").isEmpty(), "nothing stored as a ticket");
        assertEquals(0, demo.get("/api/v1/integrations/failures?size=200").json().getJsonArray("items").stream()
                .filter(f -> "autotask".equals(f.asJsonObject().getString("platform"))).count(), "nothing stored at all");
        // the correctly signed delivery is taken
        Api.Answer signed = autotask(demo, body, AUTOTASK_KEY);
        assertEquals(202, signed.status(), signed.body());
        Payload.awaitTicket(demo, "autotask", "51077", WAIT);
    }

    @Test
    void salesforceXxeIsRefusedWithASoapFault() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
                + "<notifications xmlns=\"http://soap.sforce.com/2005/09/outbound\"><OrganizationId>" + SF_ORG
                + "</OrganizationId><Notification><Id>04l1</Id><sObject xsi:type=\"sf:Case\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\">"
                + "<sf:Id>500XXE</sf:Id><sf:Subject>&xxe;</sf:Subject></sObject></Notification></notifications>"
                + "</soapenv:Body></soapenv:Envelope>";
        Api.Answer fault = soap(demo, "/api/v1/integrations/salesforce/webhook", xxe);
        assertEquals(500, fault.status());
        assertTrue(fault.header("Content-Type").startsWith("text/xml"));
        assertTrue(fault.body().contains("<soapenv:Fault>") && fault.body().contains("malformed-xml"), fault.body());
        assertFalse(fault.body().contains("root:"), "no file content leaks");
        assertTrue(Payload.ticket(demo, "salesforce", "500XXE").isEmpty());
    }

    @Test
    void badInputGetsProblemDetails() {
        assertProblem(demo.post("/api/v1/integrations/freshdesk/webhook", "{}"), 404, "not-found");
        // a correctly signed but malformed callout (the signature is checked first, on the raw bytes)
        assertProblem(autotask(demo, "{\"Action\": ", AUTOTASK_KEY), 400, "malformed-json");
        String huge = "{\"sys_id\":\"big\",\"short_description\":\"" + "x".repeat(1_100_000) + "\"}";
        assertProblem(demo.post("/api/v1/integrations/servicenow/webhook", huge), 413, "payload-too-large");
        assertProblem(new Api(server.baseUrl(), null).post("/api/v1/integrations/autotask/webhook", "{}"), 401, "unauthenticated");
    }

    @Test
    void connectionsAreTenantScopedAndNeverShowSecrets() {
        String list = demo.get("/api/v1/tenants/demo/connections").body();
        assertTrue(list.contains("\"zendesk\"") && list.contains("\"hasSigningSecret\":true"), list);
        assertFalse(list.contains(ZENDESK_SECRET), "secrets are write-only");
        assertFalse(list.contains(AUTOTASK_KEY), "secrets are write-only");
        assertFalse(list.contains(servicenowToken), "the token is shown once");
        assertProblem(acme.get("/api/v1/tenants/demo/connections"), 404, "not-found");
        assertProblem(demo.post("/api/v1/tenants/demo/connections", "{\"platform\":\"servicenow\"}"), 409, "connection-exists");
        assertProblem(demo.post("/api/v1/tenants/demo/connections", "{\"platform\":\"freshdesk\"}"), 400, "validation-failed");
        assertProblem(demo.post("/api/v1/tenants/demo/connections",
                "{\"platform\":\"autotask\",\"pollIntervalSeconds\":60}"), 400, "validation-failed");
    }

    static String serviceNow(String sysId, String title, String updatedOn) {
        return Json.createObjectBuilder().add("sys_id", sysId).add("number", "INC" + Math.abs(sysId.hashCode()))
                .add("short_description", title).add("description", "Body of " + title).add("priority", "3")
                .add("state", "2").add("sys_created_on", "2026-03-01 09:00:00").add("sys_updated_on", updatedOn)
                .build().toString();
    }

    static Api.Answer zendesk(Api api, String body, String timestamp) {
        return api.send(api.request("/api/v1/integrations/zendesk/webhook").header("Content-Type", "application/json")
                .header("X-Zendesk-Webhook-Signature-Timestamp", timestamp)
                .header("X-Zendesk-Webhook-Signature", Payload.zendeskSignature(ZENDESK_SECRET, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static Api.Answer autotask(Api api, String body, String secretKey) {
        return api.send(api.request("/api/v1/integrations/autotask/webhook").header("Content-Type", "application/json")
                .header("X-Hook-Signature", Payload.autotaskSignature(secretKey, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static Api.Answer soap(Api api, String path, String xml) {
        return api.send(api.request(path).header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(xml)));
    }

    static void assertProblem(Api.Answer answer, int status, String type) {
        assertEquals(status, answer.status(), answer.body());
        assertEquals("application/problem+json", answer.header("Content-Type"), answer.body());
        assertEquals("https://omega.dev/problems/" + type, answer.json().getString("type"), answer.body());
    }

    static List<String> statuses(JsonObject ticket) {
        return ticket.getJsonArray("history").stream().map(v -> v.asJsonObject().getString("status")).toList();
    }
}
