package omega.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The employee dashboard against a started server: the browser journey (Playwright driving Chromium, first,
 * while the demo tenant's queue is still empty), then sign-in, sessions, CSRF, roles and the live ticket stream
 * at the HTTP level.
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
    static Api demo;
    static Api acme;

    @BeforeAll
    static void start() {
        // assigned before start(), so @AfterAll stops it even when it never became ready
        server = new LibertyProcess("dashboard-" + System.currentTimeMillis(), Map.of(
                "OMEGA_BOOTSTRAP_API_KEY", DEMO_KEY,
                "OMEGA_BOOTSTRAP_EXTRA_TENANTS", "acme=" + ACME_KEY,
                "OMEGA_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD));
        server.start();
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
        Path screenshots = Path.of(System.getProperty("omega.screenshots.dir", "../../docs/screenshots")).toAbsolutePath().normalize();
        ProcessBuilder pb = new ProcessBuilder("node", dashboard.resolve("e2e/run.mjs").toString(), server.baseUrl(),
                "--key=" + DEMO_KEY, "--tenant=demo", "--admin-email=" + ADMIN_EMAIL, "--admin-password=" + ADMIN_PASSWORD,
                "--foreign-ticket=" + foreign, "--screenshots=" + screenshots).directory(dashboard.toFile())
                .redirectErrorStream(true);
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
        boolean ended = node.waitFor(240, TimeUnit.SECONDS);
        if (!ended) {
            node.descendants().forEach(ProcessHandle::destroyForcibly);
            node.destroyForcibly();
        }
        reader.join(5_000);
        String output;
        synchronized (out) {
            output = out.toString();
        }
        assertTrue(ended, "the browser journey did not finish within 240 s:\n" + output);
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
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Cookie", cookie)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
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
