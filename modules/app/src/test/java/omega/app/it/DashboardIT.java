package omega.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The employee dashboard against a started server whose demo tenant has trained models: the browser journey
 * (Playwright driving Chromium, first, while the demo tenant's queue is still empty), then sign-in, sessions, CSRF,
 * roles, confirmations and the live ticket stream at the HTTP level.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {

    static final String DEMO_KEY = "it-demo-key-" + UUID.randomUUID();
    static final String ACME_KEY = "it-acme-key-" + UUID.randomUUID();
    static final String ADMIN_EMAIL = "admin@demo.local";
    static final String ADMIN_PASSWORD = "it-admin-" + UUID.randomUUID();
    /** HTTP/1.1: the JDK client's default h2c upgrade attempt on plain HTTP left static-file requests hanging */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static LibertyProcess server;
    static FakeOidcProvider oidc;
    static Api demo;
    static Api acme;

    @BeforeAll
    static void start() throws Exception {
        oidc = new FakeOidcProvider();
        // assigned before start(), so @AfterAll stops it even when it never became ready
        server = new LibertyProcess("dashboard-" + System.currentTimeMillis(), Map.of(
                "OMEGA_BOOTSTRAP_API_KEY", DEMO_KEY,
                "OMEGA_BOOTSTRAP_EXTRA_TENANTS", "acme=" + ACME_KEY,
                "OMEGA_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "OMEGA_OIDC_ISSUER", oidc.issuer(),
                "OMEGA_OIDC_CLIENT_ID", FakeOidcProvider.CLIENT_ID,
                "OMEGA_OIDC_CLIENT_SECRET", FakeOidcProvider.CLIENT_SECRET,
                "OMEGA_OIDC_TENANT_MAP", FakeOidcProvider.DIRECTORY + "=demo"));
        server.start();
        demo = new Api(server.baseUrl(), DEMO_KEY);
        acme = new Api(server.baseUrl(), ACME_KEY);
        // decisions with AUTO/CONFIRM labels (ticket view, confirmations, insights) need a trained tenant
        Api.Answer trained = demo.send(demo.request("/api/v1/models/train").header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", MspHistory.ndjson(30)))));
        assertEquals(202, trained.status(), trained.body());
        demo.await("/api/v1/models", m -> m.getJsonArray("models").size() == 2 && !m.getBoolean("training"),
                Duration.ofSeconds(300));
        // context memory for the ticket view's similar past tickets: a small history import (12 rows, below the
        // retraining threshold), searchable before the journey's tickets are decided
        HistoryImportIT.awaitDoneFor(demo, HistoryImportIT.post(demo, "/api/v1/history", "application/x-ndjson",
                String.join("\n", MspHistory.ndjson(3)) + "\n"), Duration.ofSeconds(120));
        ContextIT.awaitSearch(demo, "Outlook keeps asking for the password", hits -> hits.size() >= 3);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
        if (oidc != null) {
            oidc.close();
        }
    }

    @Test
    @Order(1)
    void theBrowserJourneyPasses() throws Exception {
        Path dashboard = Path.of(System.getProperty("omega.dashboard.dir", "../../web-dashboard")).toAbsolutePath().normalize();
        String missing = !onPath("node") ? "node is not on the PATH"
                : !Files.isExecutable(Path.of("/usr/bin/chromium")) ? "/usr/bin/chromium is missing (apt-get install -y chromium)"
                : !Files.isDirectory(dashboard.resolve("node_modules/playwright-core")) ? "playwright-core is not installed in " + dashboard
                : null;
        if (missing != null) {
            if (Boolean.parseBoolean(System.getenv("OMEGA_IT_REQUIRE_SERVICES"))) {
                throw new IllegalStateException("The dashboard browser test cannot run: " + missing);
            }
            Assumptions.abort(missing + " — skipping the dashboard browser test");
        }
        String foreign = acme.post("/api/v1/tickets", Api.ticket("zendesk", "ACME-" + UUID.randomUUID(), "Acme's own ticket"))
                .json().getString("id");
        List<String> command = new ArrayList<>(List.of("node", dashboard.resolve("e2e/run.mjs").toString(), server.baseUrl(),
                "--key=" + DEMO_KEY, "--tenant=demo", "--admin-email=" + ADMIN_EMAIL, "--admin-password=" + ADMIN_PASSWORD,
                "--foreign-ticket=" + foreign, "--failures=" + Path.of("target/e2e-failures").toAbsolutePath()));
        // the tracked screenshots are rewritten only when asked: -Domega.screenshots.dir=<repo>/docs/screenshots
        String screenshots = System.getProperty("omega.screenshots.dir", "");
        if (!screenshots.isBlank()) {
            command.add("--screenshots=" + Path.of(screenshots).toAbsolutePath().normalize());
        }
        ProcessBuilder pb = new ProcessBuilder(command).directory(dashboard.toFile()).redirectErrorStream(true);
        Process node = pb.start();
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                r.lines().forEach(l -> {
                    System.out.println("[e2e] " + l);
                    synchronized (out) {
                        out.append(l).append('\n');
                    }
                });
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.start();
        boolean ended = node.waitFor(420, TimeUnit.SECONDS);
        if (!ended) {
            node.descendants().forEach(ProcessHandle::destroyForcibly);
            node.destroyForcibly();
        }
        reader.join(5_000);
        String output;
        synchronized (out) {
            output = out.toString();
        }
        assertTrue(ended, "the browser journey did not finish within 420 s:\n" + output);
        assertEquals(0, node.exitValue(), "the browser journey failed:\n" + output);
        assertTrue(output.contains("E2E OK"), output);
        assertFalse(output.contains("FAIL "), output);
    }

    @Test
    @Order(2)
    void theDashboardIsServedAtTheRootWithASecurityPolicy() throws Exception {
        HttpResponse<String> index = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/")));
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains("<script type=\"module\" src=\"app.js\">"), index.body());
        assertTrue(index.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        HttpResponse<String> js = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/app.js")));
        assertEquals(200, js.statusCode());
        assertTrue(js.body().contains("/api/v1/tickets/events"));
    }

    @Test
    @Order(3)
    void signInSetsAStrictHttpOnlySessionCookieAndMeAnswersTheCsrfToken() throws Exception {
        HttpResponse<String> wrong = login("demo", ADMIN_EMAIL, "wrong-password");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("invalid-credentials"), wrong.body());
        assertEquals(401, login("acme", ADMIN_EMAIL, ADMIN_PASSWORD).statusCode(), "the admin belongs to demo only");

        HttpResponse<String> ok = login("demo", ADMIN_EMAIL.toUpperCase(), ADMIN_PASSWORD);
        assertEquals(200, ok.statusCode(), ok.body());
        String setCookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.startsWith("omega_session="), setCookie);
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertFalse(setCookie.contains("Secure"), "plain HTTP gets no Secure flag: " + setCookie);
        HttpResponse<String> viaProxy = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/auth/login"))
                .header("Content-Type", "application/json").header("X-Forwarded-Proto", "https")
                .POST(HttpRequest.BodyPublishers.ofString(credentials("demo", ADMIN_EMAIL, ADMIN_PASSWORD))));
        assertTrue(viaProxy.headers().firstValue("Set-Cookie").orElseThrow().contains("; Secure"));

        Session s = new Session(ok);
        HttpResponse<String> me = s.get("/api/v1/auth/me");
        assertEquals(200, me.statusCode());
        assertTrue(me.body().contains("\"role\":\"admin\""), me.body());
        assertTrue(me.body().contains("\"tenant\":\"demo\""), me.body());
        assertTrue(me.body().contains("\"csrfToken\":\"" + s.csrf + "\""), me.body());
        assertEquals(401, send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/auth/me"))
                .header("Cookie", "omega_session=forged-" + UUID.randomUUID()).GET()).statusCode());
    }

    @Test
    @Order(4)
    void aCookieAuthenticatedChangeNeedsTheCsrfToken() throws Exception {
        Session s = new Session(login("demo", ADMIN_EMAIL, ADMIN_PASSWORD));
        String ticket = Api.ticket("zendesk", "CSRF-" + UUID.randomUUID(), "Printer offline");
        HttpResponse<String> without = s.post("/api/v1/tickets", ticket, null);
        assertEquals(403, without.statusCode(), without.body());
        assertTrue(without.body().contains("csrf-token-missing"), without.body());
        assertEquals(403, s.post("/api/v1/tickets", ticket, "not-the-token").statusCode());
        HttpResponse<String> with = s.post("/api/v1/tickets", ticket, s.csrf);
        assertEquals(202, with.statusCode(), with.body());
        String id = Json.createReader(new java.io.StringReader(with.body())).readObject().getString("id");
        assertEquals(200, s.get("/api/v1/tickets/" + id).statusCode());
    }

    @Test
    @Order(5)
    void onlyAdminsManageUsers() throws Exception {
        Session admin = new Session(login("demo", ADMIN_EMAIL, ADMIN_PASSWORD));
        String email = "tech-" + UUID.randomUUID() + "@demo.example";
        HttpResponse<String> created = admin.post("/api/v1/users",
                "{\"email\":\"" + email + "\",\"role\":\"technician\",\"password\":\"technician-password\"}", admin.csrf);
        assertEquals(201, created.statusCode(), created.body());
        assertFalse(created.body().contains("password"), "no password or hash in the answer: " + created.body());
        assertEquals(409, admin.post("/api/v1/users",
                "{\"email\":\"" + email + "\",\"role\":\"lead\",\"password\":\"technician-password\"}", admin.csrf).statusCode());
        HttpResponse<String> weak = admin.post("/api/v1/users",
                "{\"email\":\"x@demo.example\",\"role\":\"boss\",\"password\":\"short\"}", admin.csrf);
        assertEquals(400, weak.statusCode());
        assertTrue(weak.body().contains("\"role\"") && weak.body().contains("\"password\""), weak.body());
        assertTrue(admin.get("/api/v1/users").body().contains(email));

        Session tech = new Session(login("demo", email, "technician-password"));
        HttpResponse<String> list = tech.get("/api/v1/users");
        assertEquals(403, list.statusCode());
        assertTrue(list.body().contains("https://omega.dev/problems/forbidden"), list.body());
        assertEquals(403, tech.post("/api/v1/users", "{}", tech.csrf).statusCode());
        assertEquals(403, demo.get("/api/v1/users").status(), "an API key is not a person");
        assertEquals(200, tech.get("/api/v1/tickets").statusCode(), "technicians work tickets");
    }

    @Test
    @Order(6)
    void signingOutEndsTheSession() throws Exception {
        Session s = new Session(login("demo", ADMIN_EMAIL, ADMIN_PASSWORD));
        assertEquals(403, s.post("/api/v1/auth/logout", "", null).statusCode(), "logout needs the CSRF token too");
        HttpResponse<String> out = s.post("/api/v1/auth/logout", "", s.csrf);
        assertEquals(204, out.statusCode());
        assertTrue(out.headers().firstValue("Set-Cookie").orElse("").contains("Max-Age=0"));
        assertEquals(401, s.get("/api/v1/auth/me").statusCode());
        assertEquals(401, s.get("/api/v1/tickets").statusCode());
    }

    @Test
    @Order(7)
    void theTicketStreamPushesCommittedChangesOfTheOwnTenantOnly() throws Exception {
        BlockingQueue<String> demoEvents = stream(DEMO_KEY);
        BlockingQueue<String> acmeEvents = stream(ACME_KEY);
        assertEquals("event: ready", awaitLine(demoEvents, l -> l.startsWith("event:"), 10));
        assertEquals("event: ready", awaitLine(acmeEvents, l -> l.startsWith("event:"), 10));

        String demoTicket = demo.post("/api/v1/tickets", Api.ticket("zendesk", "SSE-" + UUID.randomUUID(), "Laptop fan"))
                .json().getString("id");
        String acmeTicket = acme.post("/api/v1/tickets", Api.ticket("zendesk", "SSE-" + UUID.randomUUID(), "Acme VPN"))
                .json().getString("id");
        String accepted = awaitLine(demoEvents, l -> l.startsWith("data:") && l.contains(demoTicket), 5);
        assertTrue(accepted.contains("\"status\":\"RECEIVED\"") && accepted.contains("\"accepted\":true"), accepted);
        String queued = awaitLine(demoEvents, l -> l.startsWith("data:") && l.contains(demoTicket)
                && l.contains("QUEUED_FOR_TRIAGE"), 20);
        assertTrue(queued.contains("\"accepted\":false"), queued);
        String firstAcme = awaitLine(acmeEvents, l -> l.startsWith("data:") && l.contains("\"id\""), 5);
        assertTrue(firstAcme.contains(acmeTicket), "acme's stream must not carry demo's ticket: " + firstAcme);
    }

    @Test
    @Order(8)
    void theStreamAlsoPushesTheDecisionAndLaterFeedback() throws Exception {
        BlockingQueue<String> events = stream(DEMO_KEY);
        assertEquals("event: ready", awaitLine(events, l -> l.startsWith("event:"), 10));
        String id = demo.post("/api/v1/tickets", Api.ticket("zendesk", "SSE-T-" + UUID.randomUUID(), "Mailbox full"))
                .json().getString("id");
        awaitLine(events, l -> l.startsWith("data:") && l.contains(id) && l.contains("\"TRIAGED\""), 60);
        assertEquals(200, demo.post("/api/v1/tickets/" + id + "/feedback", "{\"labels\":{\"category\":\"email\"}}").status());
        String afterFeedback = awaitLine(events, l -> l.startsWith("data:") && l.contains(id), 10);
        assertTrue(afterFeedback.contains("\"TRIAGED\"") && afterFeedback.contains("\"accepted\":false"), afterFeedback);
    }

    @Test
    @Order(9)
    void confirmationsListWaitingLabelsAndReviewsAreAllOrNothingWithinTheTenant() {
        String vpn = triaged(demo, "VPN keeps disconnecting at the branch",
                "The VPN connection drops every few minutes and users lose their sessions. Ping to the gateway times out.");
        String network = triaged(demo, "No internet at the branch office", "The router lights are amber and nobody can browse.");
        JsonObject waiting = waiting(demo, vpn);
        assertNotNull(waiting, "a decided network ticket waits for confirmation: " + demo.get("/api/v1/confirmations").body());
        waiting.getJsonObject("labels").values().forEach(v -> assertTrue(Set.of("AUTO", "CONFIRM")
                .contains(v.asJsonObject().getString("tier")), waiting.toString()));
        String foreign = acme.post("/api/v1/tickets", Api.ticket("zendesk", "ACME-C-" + UUID.randomUUID(), "Acme's"))
                .json().getString("id");
        assertNull(waiting(acme, vpn), "another organisation does not see demo's confirmations");

        Api.Answer mixed = demo.post("/api/v1/confirmations", "{\"reject\":[\"" + vpn + "\",\"" + foreign + "\"]}");
        TicketSliceIT.assertProblem(mixed, 404, "not-found");
        assertTrue(mixed.json().getJsonObject("errors").containsKey(foreign), mixed.body());
        assertNotNull(waiting(demo, vpn), "nothing was stored for the valid id either");
        TicketSliceIT.assertProblem(demo.post("/api/v1/confirmations", "{}"), 400, "validation-failed");
        TicketSliceIT.assertProblem(demo.post("/api/v1/confirmations",
                "{\"approve\":[\"" + vpn + "\"],\"reject\":[\"" + vpn + "\"]}"), 400, "validation-failed");
        TicketSliceIT.assertProblem(demo.post("/api/v1/confirmations", "{\"approve\":"), 400, "malformed-json");

        Api.Answer reviewed = demo.post("/api/v1/confirmations",
                "{\"reject\":[\"" + vpn + "\"],\"approve\":[\"" + network + "\"]}");
        assertEquals(200, reviewed.status(), reviewed.body());
        assertEquals(List.of(vpn), strings(reviewed.json().getJsonArray("rejected")));
        assertEquals(List.of(network), strings(reviewed.json().getJsonArray("approved")));
        assertNull(waiting(demo, vpn));
        assertNull(waiting(demo, network));
        JsonObject approved = demo.get("/api/v1/tickets/" + network).json();
        assertEquals(approved.getJsonObject("decision").getJsonObject("labels").getJsonObject("category").getString("value"),
                approved.getJsonObject("decision").getJsonObject("feedback").getString("category"), "approving confirms");
        JsonObject rejected = demo.get("/api/v1/tickets/" + vpn).json();
        assertTrue(rejected.getJsonObject("decision").getJsonObject("feedback").isEmpty(), "a rejection is no feedback");
        assertTrue(rejected.getJsonArray("history").stream().anyMatch(c -> c.asJsonObject().getString("detail", "")
                .startsWith("rejected in confirmations")), rejected.toString());

        Api.Answer again = demo.post("/api/v1/confirmations", "{\"reject\":[\"" + vpn + "\"]}");
        assertEquals(List.of(vpn), strings(again.json().getJsonArray("skipped")), "a repeated request changes nothing");
        JsonObject accuracy = demo.get("/api/v1/insights?days=1").json().getJsonObject("accuracy");
        assertTrue(accuracy.getJsonObject("category").getInt("rejected") >= 1, accuracy.toString());
        assertTrue(accuracy.getJsonObject("category").getInt("confirmed") >= 1, accuracy.toString());
    }

    @Test
    @Order(10)
    void insightsAndTheQueueFiltersAnswerForTheTenant() {
        JsonObject insights = demo.get("/api/v1/insights?days=7").json();
        assertEquals(7, insights.getJsonArray("volume").size());
        assertTrue(insights.getJsonArray("volume").getJsonObject(6).getInt("received") > 0, insights.toString());
        assertTrue(insights.getJsonObject("tiers").containsKey("category"), insights.toString());
        assertTrue(insights.getJsonObject("timeToTriage").getInt("count") > 0, insights.toString());
        assertTrue(insights.getJsonArray("titans").stream().anyMatch(t -> "local".equals(t.asJsonObject().getString("titanId"))));
        TicketSliceIT.assertProblem(demo.get("/api/v1/insights?days=0"), 400, "validation-failed");
        JsonObject cold = acme.get("/api/v1/insights?days=7").json();
        cold.getJsonObject("tiers").values().forEach(tiers -> assertEquals(Set.of("MANUAL"), tiers.asJsonObject().keySet(),
                "acme has no model: its decisions are cold starts, not demo's " + cold));
        assertTrue(cold.getJsonArray("titans").isEmpty(), "no titan voted for acme: " + cold);

        JsonObject atRiskFirst = demo.get("/api/v1/tickets?sort=sla-risk&status=TRIAGED&size=200").json();
        List<Boolean> risks = atRiskFirst.getJsonArray("items").stream().map(t -> t.asJsonObject().getBoolean("slaAtRisk")).toList();
        assertEquals(risks.stream().sorted(java.util.Comparator.reverseOrder()).toList(), risks, "at risk first");
        JsonObject auto = demo.get("/api/v1/tickets?tier=auto&size=200").json();
        auto.getJsonArray("items").forEach(t -> assertEquals("AUTO", t.asJsonObject().getString("tier")));
        JsonObject email = demo.get("/api/v1/tickets?category=email&size=200").json();
        assertTrue(email.getInt("total") > 0, email.toString());
        email.getJsonArray("items").forEach(t -> assertEquals("email", t.asJsonObject().getString("decidedCategory",
                t.asJsonObject().getString("category", null))));
        assertFalse(demo.get("/api/v1/tickets?size=1").body().contains("\"body\""), "list rows carry no body");
        TicketSliceIT.assertProblem(demo.get("/api/v1/tickets?tier=sometimes"), 400, "validation-failed");
        assertTrue(strings(demo.get("/api/v1/tickets/facets").json().getJsonArray("clients")).contains("Acme Dental"));
    }

    @Test
    @Order(11)
    void techniciansGetForbiddenFromEverySetupEndpoint() throws Exception {
        Session admin = new Session(login("demo", ADMIN_EMAIL, ADMIN_PASSWORD));
        String email = "tech-setup-" + UUID.randomUUID() + "@demo.example";
        assertEquals(201, admin.post("/api/v1/users", "{\"email\":\"" + email
                + "\",\"role\":\"technician\",\"password\":\"technician-password\"}", admin.csrf).statusCode());
        Session tech = new Session(login("demo", email, "technician-password"));
        for (HttpResponse<String> r : List.of(tech.get("/api/v1/tenants/demo/connections"),
                tech.post("/api/v1/tenants/demo/connections", "{\"platform\":\"zendesk\"}", tech.csrf),
                tech.post("/api/v1/history", "{}", tech.csrf, "application/x-ndjson"), tech.get("/api/v1/history/" + UUID.randomUUID()),
                tech.post("/api/v1/models/train", "{}", tech.csrf), tech.post("/api/v1/models/evaluate", "{}", tech.csrf))) {
            assertEquals(403, r.statusCode(), r.uri() + ": " + r.body());
            assertTrue(r.body().contains("https://omega.dev/problems/forbidden"), r.body());
        }
        assertEquals(200, admin.get("/api/v1/tenants/demo/connections").statusCode(), "admins may");
        assertEquals(200, demo.get("/api/v1/tenants/demo/connections").status(), "the tenant's API key may");
        assertEquals(200, tech.get("/api/v1/confirmations").statusCode(), "technicians confirm");
        assertEquals(200, tech.get("/api/v1/insights").statusCode(), "technicians see insights");
    }

    @Test
    @Order(12)
    void openIdConnectSignInVerifiesTheIdTokenAndOpensTheSameSession() throws Exception {
        assertTrue(send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/auth/oidc"))).body()
                .contains("\"enabled\":true"));
        oidc.signInNext(new FakeOidcProvider.User("Lea.Lead@demo.example", List.of("OMEGA.Lead", "Other.Role"),
                FakeOidcProvider.DIRECTORY));
        Flow ok = startFlow();
        assertTrue(ok.authorize().contains("code_challenge_method=S256") && ok.authorize().contains("nonce="), ok.authorize());
        HttpResponse<String> back = ok.finish();
        assertEquals(302, back.statusCode(), back.body());
        assertEquals(server.baseUrl() + "/#/queue", back.headers().firstValue("Location").orElse(""));
        String session = back.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("omega_session="))
                .findFirst().orElseThrow();
        assertTrue(session.contains("HttpOnly") && session.contains("SameSite=Strict"), session);
        HttpResponse<String> me = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/auth/me"))
                .header("Cookie", session.split(";")[0]));
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("\"email\":\"lea.lead@demo.example\"") && me.body().contains("\"role\":\"lead\"")
                && me.body().contains("\"tenant\":\"demo\"") && me.body().contains("\"method\":\"session\""), me.body());

        // the provider's role wins at the next sign-in
        oidc.signInNext(new FakeOidcProvider.User("lea.lead@demo.example", List.of("OMEGA.Admin"), FakeOidcProvider.DIRECTORY));
        HttpResponse<String> promoted = startFlow().finish();
        String admin = promoted.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("omega_session="))
                .findFirst().orElseThrow().split(";")[0];
        assertTrue(send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/auth/me")).header("Cookie", admin))
                .body().contains("\"role\":\"admin\""));

        assertRefused(ok.finish(), "a used code");
        Flow forged = startFlow();
        assertRefused(send(HttpRequest.newBuilder(URI.create(forged.callback().replaceAll("state=[^&]+", "state=forged")))
                .header("Cookie", forged.cookie())), "a state that is not this browser's");
        oidc.signWithAnUnpublishedKey(true);
        try {
            assertRefused(startFlow().finish(), "an ID token signed with an unpublished key");
        } finally {
            oidc.signWithAnUnpublishedKey(false);
        }
        oidc.signInNext(new FakeOidcProvider.User("nobody@demo.example", List.of("Other.Role"), FakeOidcProvider.DIRECTORY));
        assertRefused(startFlow().finish(), "no OMEGA role");
        oidc.signInNext(new FakeOidcProvider.User("x@elsewhere.example", List.of("OMEGA.Admin"), UUID.randomUUID().toString()));
        assertRefused(startFlow().finish(), "an unmapped directory");
    }

    /** One sign-in through the fake provider: OMEGA's login redirect, the provider's redirect back. */
    record Flow(String authorize, String cookie, String callback) {
        HttpResponse<String> finish() throws Exception {
            return send(HttpRequest.newBuilder(URI.create(callback)).header("Cookie", cookie));
        }
    }

    static Flow startFlow() throws Exception {
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/auth/oidc/login")));
        assertEquals(302, login.statusCode(), login.body());
        String authorize = login.headers().firstValue("Location").orElseThrow();
        assertTrue(authorize.startsWith(oidc.issuer() + "/authorize?"), authorize);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("omega_oidc=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);
        HttpResponse<String> provider = send(HttpRequest.newBuilder(URI.create(authorize)));
        assertEquals(302, provider.statusCode(), provider.body());
        String callback = provider.headers().firstValue("Location").orElseThrow();
        assertTrue(callback.startsWith(server.baseUrl() + "/api/v1/auth/oidc/callback?code="), callback);
        return new Flow(authorize, cookie.split(";")[0], callback);
    }

    static void assertRefused(HttpResponse<String> r, String what) {
        assertEquals(302, r.statusCode(), what + ": " + r.body());
        assertTrue(r.headers().firstValue("Location").orElse("").startsWith(server.baseUrl() + "/#/signin?error="), what + ": "
                + r.headers().firstValue("Location"));
        assertTrue(r.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("omega_session=")), what);
    }

    static String triaged(Api api, String title, String body) {
        String id = api.post("/api/v1/tickets", Json.createObjectBuilder().add("externalId", "C-" + UUID.randomUUID())
                .add("source", "zendesk").add("title", title).add("body", body).add("requester", "ann.lee@example.com")
                .add("client", "Acme Dental").add("createdAt", java.time.Instant.now().toString()).add("priority", "P3")
                .build().toString()).json().getString("id");
        api.await("/api/v1/tickets/" + id, t -> "TRIAGED".equals(t.getString("status")), Duration.ofSeconds(60));
        return id;
    }

    static JsonObject waiting(Api api, String ticketId) {
        return api.get("/api/v1/confirmations?size=100").json().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("ticketId").equals(ticketId)).findFirst().orElse(null);
    }

    static List<String> strings(jakarta.json.JsonArray array) {
        return array.stream().map(v -> ((jakarta.json.JsonString) v).getString()).toList();
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    record Session(String cookie, String csrf) {
        Session(HttpResponse<String> login) {
            this(login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0],
                    Json.createReader(new java.io.StringReader(login.body())).readObject().getString("csrfToken"));
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Cookie", cookie).GET());
        }

        HttpResponse<String> post(String path, String body, String csrfToken) throws Exception {
            return post(path, body, csrfToken, "application/json");
        }

        HttpResponse<String> post(String path, String body, String csrfToken, String contentType) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Cookie", cookie)
                    .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
            if (csrfToken != null) {
                b.header("X-CSRF-Token", csrfToken);
            }
            return send(b);
        }
    }

    static HttpResponse<String> login(String tenant, String email, String password) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(credentials(tenant, email, password))));
    }

    static String credentials(String tenant, String email, String password) {
        return Json.createObjectBuilder().add("tenant", tenant).add("email", email).add("password", password).build().toString();
    }

    static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the SSE stream with a Bearer key and collects its lines on a background thread. */
    static BlockingQueue<String> stream(String key) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<java.util.stream.Stream<String>> r = HTTP.send(HttpRequest.newBuilder(
                URI.create(server.baseUrl() + "/api/v1/tickets/events")).header("Authorization", "Bearer " + key)
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        Thread t = new Thread(() -> r.body().forEach(lines::add));
        t.setDaemon(true);
        t.start();
        return lines;
    }

    static String awaitLine(BlockingQueue<String> lines, java.util.function.Predicate<String> wanted, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String l = lines.poll(100, TimeUnit.MILLISECONDS);
            if (l != null && wanted.test(l)) {
                return l;
            }
        }
        throw new AssertionError("no matching event line within " + seconds + " s");
    }

    static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
