package omega.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * External titans on a started server (Derby, embedded messaging) configured with fake OpenAI and Anthropic endpoints
 * that answer in the providers' wire formats (modelled on ../shared/fixtures/llm-openai-chat-completions.json and
 * llm-anthropic-messages.json). Each test's ticket carries a scenario word the fakes react to. Both agree → an
 * ensemble of three votes; OpenAI's 429 rate_limit_exceeded is retried and then answers; insufficient_quota is not
 * retried; a 500, a hanging provider (past triage.titans.deadline-ms), malformed JSON and an answer outside the label
 * set each leave a vote with its reason while the local titan decides; no request body carries the ticket's PII; the
 * spend is stored and survives a restart (last).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExternalTitansIT {

    static final String KEY = "it-titans-" + UUID.randomUUID();
    static final long DEADLINE_MS = 6_000;
    static final List<String> PII = List.of("carol.danvers@contoso.example", "Carol Danvers", "Danvers",
            "+44 20 7946 0958", "10.20.30.40", "s3cr3t-reset-token-981", "4111 1111 1111 1111");

    static Fake openai;
    static Fake anthropic;
    static LibertyProcess server;
    static Api api;

    /** A provider endpoint on a loopback port: answers by scenario word, records every request body. */
    static final class Fake implements AutoCloseable {
        final HttpServer http;
        final ExecutorService executor = Executors.newCachedThreadPool();
        final List<String> bodies = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final BiFunction<String, Integer, Reply> script;

        record Reply(int status, String body, long delayMs) {
        }

        Fake(BiFunction<String, Integer, Reply> script) throws IOException {
            this.script = script;
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            http.createContext("/", this::handle);
            http.setExecutor(executor);
            http.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + http.getAddress().getPort() + path;
        }

        int calls(String scenario) {
            return calls.getOrDefault(scenario, new AtomicInteger()).get();
        }

        private void handle(HttpExchange exchange) throws IOException {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            bodies.add(body);
            String scenario = scenario(body);
            int call = calls.computeIfAbsent(scenario, s -> new AtomicInteger()).incrementAndGet();
            Reply reply = script.apply(scenario, call);
            if (reply.delayMs() > 0) {
                try {
                    Thread.sleep(reply.delayMs());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            try {
                exchange.sendResponseHeaders(reply.status(), bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } catch (IOException clientGone) {
                exchange.close();
            }
        }

        static String scenario(String body) {
            for (String s : List.of("agree", "ratelimit", "quota", "servererror", "hanging", "malformed", "outside")) {
                if (body.contains("scenario" + s)) {
                    return s;
                }
            }
            return "none";
        }

        @Override
        public void close() {
            http.stop(0);
            executor.shutdownNow();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        openai = new Fake((scenario, call) -> switch (scenario) {
            case "ratelimit" -> call == 1 ? new Fake.Reply(429, openAiError("Rate limit reached for gpt-4.1-mini in "
                    + "organization org-omega on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in "
                    + "300ms. Visit https://platform.openai.com/account/rate-limits to learn more.", "requests",
                    "rate_limit_exceeded"), 0) : new Fake.Reply(200, openAiCompletion(answer("network")), 0);
            case "quota" -> new Fake.Reply(429, openAiError("You exceeded your current quota, please check your plan and "
                    + "billing details.", "insufficient_quota", "insufficient_quota"), 0);
            case "servererror" -> new Fake.Reply(500, openAiError("The server had an error while processing your request. "
                    + "Sorry about that!", "server_error", null), 0);
            case "malformed" -> new Fake.Reply(200, "{\"id\":\"chatcmpl-broken\",\"object\":\"chat.completion\",\"choices\":[{\"ind", 0);
            default -> new Fake.Reply(200, openAiCompletion(answer("network")), 0);
        });
        anthropic = new Fake((scenario, call) -> switch (scenario) {
            case "hanging" -> new Fake.Reply(200, anthropicMessage(answer("network")), 30_000);
            case "outside" -> new Fake.Reply(200, anthropicMessage(answer("hardware")), 0);
            default -> new Fake.Reply(200, anthropicMessage(answer("network")), 0);
        });
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "OMEGA_BOOTSTRAP_API_KEY", KEY,
                "TITANS_OPENAI_API_KEY", "sk-test-" + UUID.randomUUID(),
                "TITANS_OPENAI_BASE_URL", openai.url("/v1"),
                "TITANS_OPENAI_MODEL", "gpt-4.1-mini",
                "TITANS_ANTHROPIC_API_KEY", "sk-ant-test-" + UUID.randomUUID(),
                "TITANS_ANTHROPIC_BASE_URL", anthropic.url("/v1/"),
                "TRIAGE_TITANS_DEADLINE_MS", Long.toString(DEADLINE_MS)));
        // every scenario fails OpenAI a few times: keep the breakers closed so each test sees its own failure
        env.put("OMEGA_TITANS_CONTROL_EXTERNAL_GPTTITAN_CLASSIFY_CIRCUITBREAKER_ENABLED", "false");
        env.put("OMEGA_TITANS_CONTROL_EXTERNAL_CLAUDETITAN_CLASSIFY_CIRCUITBREAKER_ENABLED", "false");
        server = new LibertyProcess("titans-" + System.currentTimeMillis(), env).start();
        api = new Api(server.baseUrl(), KEY);

        // one label (category): one request per provider and ticket
        String history = MspHistory.ndjson(20).stream().map(l -> l.replaceAll(",\"queue\":\"[^\"]*\"", ""))
                .collect(Collectors.joining("\n"));
        Api.Answer trained = api.send(api.request("/api/v1/models/train").header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(history)));
        assertEquals(202, trained.status(), trained.body());
        api.await("/api/v1/models", m -> m.getJsonArray("models").size() == 1 && !m.getBoolean("training"),
                Duration.ofSeconds(300));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
        if (openai != null) {
            openai.close();
        }
        if (anthropic != null) {
            anthropic.close();
        }
    }

    @Test
    void bothAgreeSoTheEnsembleHasThreeVotes() {
        JsonObject decision = decide("agree");
        JsonObject category = decision.getJsonObject("labels").getJsonObject("category");
        assertEquals("network", category.getString("value"), decision.toString());
        assertEquals(List.of("anthropic", "local", "openai"), category.getJsonArray("titans").stream()
                .map(v -> ((jakarta.json.JsonString) v).getString()).sorted().toList(), decision.toString());
        for (String titan : List.of("local", "openai", "anthropic")) {
            JsonObject vote = vote(decision, titan);
            assertEquals("network", vote.getString("value"), vote.toString());
            assertTrue(vote.getBoolean("agreed"));
            assertNull(vote.get("reason"), vote.toString());
        }
        assertTrue(decision.getJsonObject("modelVersions").containsKey("category@openai"), decision.toString());
    }

    @Test
    void openAisRateLimitIsRetriedAndThenAnswers() {
        JsonObject decision = decide("ratelimit");
        assertEquals("network", vote(decision, "openai").getString("value"), decision.toString());
        assertEquals(2, openai.calls("ratelimit"), "one 429, one retry that succeeded");
    }

    @Test
    void insufficientQuotaIsNotRetriedAndTheLocalTitanDecides() {
        JsonObject decision = decide("quota");
        assertUndecided(vote(decision, "openai"), "quota_exhausted");
        assertEquals(1, openai.calls("quota"), "insufficient_quota is final");
        assertDecidedWithoutOpenAi(decision);
    }

    @Test
    void aServerErrorIsRetriedThenLeavesItsReason() {
        JsonObject decision = decide("servererror");
        assertUndecided(vote(decision, "openai"), "server_error");
        assertEquals(3, openai.calls("servererror"), "the call and two retries");
        assertDecidedWithoutOpenAi(decision);
    }

    @Test
    void aHangingProviderMissesTheDeadlineAndTheDecisionDoesNotWaitForIt() {
        long start = System.nanoTime();
        JsonObject decision = decide("hanging");
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertUndecided(vote(decision, "anthropic"), "timeout");
        assertTrue(tookMs < 25_000, "decided after " + tookMs + " ms; the provider hangs for 30 s");
        assertEquals("network", decision.getJsonObject("labels").getJsonObject("category").getString("value"));
        assertEquals("network", vote(decision, "openai").getString("value"));
    }

    @Test
    void malformedJsonFromTheProviderLeavesItsReason() {
        JsonObject decision = decide("malformed");
        assertUndecided(vote(decision, "openai"), "malformed_response");
        assertDecidedWithoutOpenAi(decision);
    }

    @Test
    void anAnswerOutsideTheLabelSetIsRejected() {
        JsonObject decision = decide("outside");
        assertUndecided(vote(decision, "anthropic"), "outside_label_set");
        JsonObject category = decision.getJsonObject("labels").getJsonObject("category");
        assertEquals("network", category.getString("value"), decision.toString());
        assertFalse(category.toString().contains("hardware"), "never applied, nor offered: " + category);
    }

    @Test
    void noRequestBodyCarriesTheTicketsPersonalData() {
        decide("agree");
        assertFalse(openai.bodies.isEmpty());
        assertFalse(anthropic.bodies.isEmpty());
        for (String body : concat(openai.bodies, anthropic.bodies)) {
            for (String pii : PII) {
                assertFalse(body.contains(pii), "a request body contains " + pii + ": " + body);
            }
        }
        assertTrue(openai.bodies.stream().anyMatch(b -> b.contains("<EMAIL_1>")), "the text went out tokenized");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void theSpendIsStoredAndSurvivesARestart() {
        decide("agree");
        JsonObject before = spend("openai");
        assertTrue(before.getInt("calls") >= 1, before.toString());
        assertTrue(before.getJsonNumber("costUsd").doubleValue() > 0, before.toString());
        server.stop();
        server.start();
        JsonObject after = spend("openai");
        assertEquals(before.getInt("calls"), after.getInt("calls"), after.toString());
        assertEquals(before.getJsonNumber("costUsd").doubleValue(), after.getJsonNumber("costUsd").doubleValue(), 1e-9);
    }

    // ------------------------------------------------------------------------------------------------------------

    static JsonObject spend(String titanId) {
        Api.Answer insights = api.get("/api/v1/insights?days=1");
        assertEquals(200, insights.status(), insights.body());
        return insights.json().getJsonArray("cost").stream().map(JsonValue::asJsonObject)
                .filter(c -> titanId.equals(c.getString("titanId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no spend of " + titanId + ": " + insights.body()));
    }

    static JsonObject decide(String scenario) {
        String json = Json.createObjectBuilder().add("externalId", "X-" + UUID.randomUUID()).add("source", "zendesk")
                .add("title", "VPN keeps disconnecting scenario" + scenario)
                .add("body", "The VPN tunnel drops every few minutes. Call Carol Danvers on +44 20 7946 0958 or write to "
                        + "carol.danvers@contoso.example; gateway 10.20.30.40; reset link "
                        + "https://portal.contoso.example/reset?token=s3cr3t-reset-token-981 ; card 4111 1111 1111 1111.")
                .add("requester", "Carol Danvers <carol.danvers@contoso.example>").add("client", "Contoso")
                .add("createdAt", "2026-11-22T09:30:00Z").add("priority", "P3").build().toString();
        Api.Answer posted = api.post("/api/v1/tickets", json);
        assertEquals(202, posted.status(), posted.body());
        String id = posted.json().getString("id");
        return api.await("/api/v1/tickets/" + id, t -> "TRIAGED".equals(t.getString("status")), Duration.ofSeconds(90))
                .getJsonObject("decision");
    }

    static JsonObject vote(JsonObject decision, String titanId) {
        return decision.getJsonArray("titans").stream().map(JsonValue::asJsonObject)
                .filter(v -> titanId.equals(v.getString("titanId")) && "category".equals(v.getString("label")))
                .findFirst().orElseThrow(() -> new AssertionError("no vote of " + titanId + ": " + decision));
    }

    static void assertUndecided(JsonObject vote, String reasonKind) {
        assertTrue(vote.get("value") == null || vote.isNull("value"), vote.toString());
        assertTrue(vote.getString("reason", "").startsWith(reasonKind), vote.toString());
    }

    static void assertDecidedWithoutOpenAi(JsonObject decision) {
        JsonObject category = decision.getJsonObject("labels").getJsonObject("category");
        assertEquals("network", category.getString("value"), decision.toString());
        assertFalse(category.getJsonArray("titans").contains(Json.createValue("openai")), decision.toString());
        assertTrue(category.getJsonArray("titans").contains(Json.createValue("local")), decision.toString());
    }

    static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    static String answer(String value) {
        return Json.createObjectBuilder().add("value", value).add("confidence", 0.9)
                .add("alternatives", Json.createArrayBuilder()).add("explanation", "the ticket mentions the VPN tunnel")
                .build().toString();
    }

    static String openAiCompletion(String content) {
        return Json.createObjectBuilder().add("id", "chatcmpl-it-0001").add("object", "chat.completion")
                .add("created", 1741569952).add("model", "gpt-4.1-mini-2025-04-14")
                .add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder().add("index", 0)
                        .add("message", Json.createObjectBuilder().add("role", "assistant").add("content", content)
                                .addNull("refusal").add("annotations", Json.createArrayBuilder()))
                        .addNull("logprobs").add("finish_reason", "stop")))
                .add("usage", Json.createObjectBuilder().add("prompt_tokens", 300).add("completion_tokens", 40)
                        .add("total_tokens", 340))
                .add("service_tier", "default").build().toString();
    }

    static String openAiError(String message, String type, String code) {
        var error = Json.createObjectBuilder().add("message", message).add("type", type).addNull("param");
        if (code == null) {
            error.addNull("code");
        } else {
            error.add("code", code);
        }
        return Json.createObjectBuilder().add("error", error).build().toString();
    }

    static String anthropicMessage(String text) {
        return Json.createObjectBuilder().add("id", "msg_it0001").add("type", "message").add("role", "assistant")
                .add("model", "claude-sonnet-4-5-20250929")
                .add("content", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "text").add("text", text)))
                .add("stop_reason", "end_turn").addNull("stop_sequence")
                .add("usage", Json.createObjectBuilder().add("input_tokens", 300).add("output_tokens", 40))
                .build().toString();
    }
}
