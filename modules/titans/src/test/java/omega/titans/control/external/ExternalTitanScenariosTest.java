package omega.titans.control.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import omega.titans.api.Alternative;
import omega.titans.api.CostCapReachedException;
import omega.titans.api.FailureKind;
import omega.titans.api.NonRetryableTitanException;
import omega.titans.api.OutsideLabelSetException;
import omega.titans.api.RetryableTitanException;
import omega.titans.api.Tier;
import omega.titans.api.TitanAnswer;
import omega.titans.api.TitanDisabledException;
import omega.titans.api.TitanException;

/** Every external titan against a fake provider speaking its wire format: answers, failures and refusals. */
class ExternalTitanScenariosTest {

    private static final String TICKET = "Outlook keeps asking for the password since this morning.";

    @ParameterizedTest
    @EnumSource(Provider.class)
    void answersWithALabelFromTheSetAndAccountsTheCall(Provider provider) throws Exception {
        try (Rig rig = new Rig(provider)) {
            rig.fake.reply(FakeProvider.Reply.json(200, rig.success(
                    Wire.answer("Email", 0.82, "Outlook prompts for credentials.", "Access", 0.12, "Network", 0.03))));

            TitanAnswer answer = rig.titan.classify(Rig.categoryRequest(TICKET));

            assertEquals("Email", answer.value());
            assertEquals(0.82, answer.confidence(), 1e-9);
            assertEquals(List.of(new Alternative("Email", 0.82), new Alternative("Access", 0.12),
                    new Alternative("Network", 0.03)), answer.alternatives());
            assertEquals(provider.id(), answer.titanId());
            assertEquals(Tier.CONFIRM, answer.tier());
            assertEquals("Outlook prompts for credentials.", answer.explanation());
            assertFalse(answer.modelVersion() == null || answer.modelVersion().isBlank());

            assertEquals(1, rig.fake.received().size(), "langchain4j must not retry on its own");
            FakeProvider.Received sent = rig.fake.received().get(0);
            assertEquals("POST", sent.method());
            assertTrue(sent.path().startsWith(rig.chatPath()), sent.path());
            assertAuthenticated(provider, sent);
            for (String value : List.of("\\\"Access\\\"", "\\\"Email\\\"", "\\\"Hardware\\\"", "\\\"Network\\\"")) {
                assertTrue(sent.body().contains(value), "allowed value " + value + " in the prompt: " + sent.body());
            }

            assertEquals(1200, rig.metrics.value(TitanMetrics.TOKENS, "titan", provider.id(), "tenant", Rig.TENANT,
                    "direction", "input"));
            assertEquals(80, rig.metrics.value(TitanMetrics.TOKENS, "titan", provider.id(), "tenant", Rig.TENANT,
                    "direction", "output"));
            assertEquals(1, rig.metrics.value(TitanMetrics.LATENCY_COUNT, "titan", provider.id(), "outcome", "success"));
            var usage = rig.ledger.usage(Rig.TENANT, YearMonth.now(ZoneOffset.UTC));
            assertEquals(1, usage.calls());
            assertEquals(1200, usage.inputTokens());
            assertEquals(80, usage.outputTokens());
        }
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void a429WithRetryAfterIsRetryableAndTheNextCallWaitsItOut(Provider provider) throws Exception {
        try (Rig rig = new Rig(provider)) {
            rig.fake.reply(rateLimited(provider).withHeader("retry-after", "1"),
                    FakeProvider.Reply.json(200, rig.success(Wire.answer("Network", 0.7, "VPN."))));

            RetryableTitanException limited = assertThrows(RetryableTitanException.class,
                    () -> rig.titan.classify(Rig.categoryRequest(TICKET)));
            assertEquals(FailureKind.RATE_LIMITED, limited.kind());
            assertEquals(Optional.of(Duration.ofSeconds(1)), limited.retryAfter());

            long start = System.nanoTime();
            assertEquals("Network", rig.titan.classify(Rig.categoryRequest(TICKET)).value());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 800,
                    "the retry waited out retry-after");
            assertEquals(1, rig.metrics.value(TitanMetrics.ERRORS, "titan", provider.id(), "kind", "rate_limited"));
        }
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void a429WithoutRetryAfterIsRetryableWithoutADelay(Provider provider) throws Exception {
        try (Rig rig = new Rig(provider)) {
            rig.fake.reply(rateLimited(provider));

            RetryableTitanException limited = assertThrows(RetryableTitanException.class,
                    () -> rig.titan.classify(Rig.categoryRequest(TICKET)));

            assertEquals(FailureKind.RATE_LIMITED, limited.kind());
            assertEquals(Optional.empty(), limited.retryAfter());
            assertEquals(Duration.ZERO, rig.cooldowns.remaining(provider.id()));
        }
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void aRetryAfterLongerThanOmegaWaitsRefusesUntilItPassed(Provider provider) throws Exception {
        try (Rig rig = new Rig(provider)) {
            rig.fake.reply(rateLimited(provider).withHeader("retry-after", "60"));

            NonRetryableTitanException refused = assertThrows(NonRetryableTitanException.class,
                    () -> rig.titan.classify(Rig.categoryRequest(TICKET)));
            assertEquals(FailureKind.COOLING_DOWN, refused.kind());
            assertInstanceOf(RetryableTitanException.class, refused.getCause());

            NonRetryableTitanException again = assertThrows(NonRetryableTitanException.class,
                    () -> rig.titan.classify(Rig.categoryRequest(TICKET)));
            assertEquals(FailureKind.COOLING_DOWN, again.kind());
            assertEquals(1, rig.fake.received().size(), "no call while cooling down");
        }
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void a500IsARetryableServerError(Provider provider) throws Exception {
        try (Rig rig = new Rig(provider)) {
            rig.fake.reply(FakeProvider.Reply.json(500, serverError(provider)));

            TitanException failure = assertThrows(RetryableTitanException.class,
                    () -> rig.titan.classify(Rig.categoryRequest(TICKET)));

            assertEquals(FailureKind.SERVER_ERROR, failure.kind());
            assertEquals(1, rig.metrics.value(TitanMetrics.ERRORS, "titan", provider.id(), "kind", "server_error"));
            assertEquals(1, rig.metrics.value(TitanMetrics.LATENCY_COUNT, "titan", provider.id(), "outcome", "error"));
        }
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void aSlowProviderTimesOutRetryably(Provider provider) throws Exception {
        try (Rig rig = new Rig(provider)) {
            rig.with("titans." + provider.id() + ".timeout-ms", "300");
            rig.fake.reply(FakeProvider.Reply.json(200, rig.success(Wire.answer("Email", 0.9, "x"))).delayedBy(2000));

            long start = System.nanoTime();
            TitanException failure = assertThrows(RetryableTitanException.class,
                    () -> rig.titan.classify(Rig.categoryRequest(TICKET)));

            assertEquals(FailureKind.TIMEOUT, failure.kind());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1500, "gave up after the timeout");
        }
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void aBodyThatIsNotJsonIsAClearNonRetryableFailure(Provider provider) throws Exception {
        try (Rig rig = new Rig(provider)) {
            rig.fake.reply(FakeProvider.Reply.json(200, "{\"id\": \"x\", \"choices\": [{\"message\": "));

            NonRetryableTitanException failure = assertThrows(NonRetryableTitanException.class,
                    () -> rig.titan.classify(Rig.categoryRequest(TICKET)));

            assertEquals(FailureKind.MALFORMED_RESPONSE, failure.kind());
            assertTrue(failure.getMessage().contains("not valid JSON"), failure.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void aModelTextThatIsNotTheJsonAnswerIsMalformed(Provider provider) throws Exception {
        try (Rig rig = new Rig(provider)) {
            rig.fake.reply(FakeProvider.Reply.json(200, rig.success("I think this is an Email problem.")));

            NonRetryableTitanException failure = assertThrows(NonRetryableTitanException.class,
                    () -> rig.titan.classify(Rig.categoryRequest(TICKET)));

            assertEquals(FailureKind.MALFORMED_ANSWER, failure.kind());
            assertEquals(1, rig.ledger.usage(Rig.TENANT, YearMonth.now(ZoneOffset.UTC)).calls(),
                    "the tokens were spent all the same");
        }
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void anAnswerOutsideTheLabelSetIsRejected(Provider provider) throws Exception {
        try (Rig rig = new Rig(provider)) {
            rig.fake.reply(FakeProvider.Reply.json(200, rig.success(Wire.answer("Printers", 0.95, "Printer jam."))));

            OutsideLabelSetException rejected = assertThrows(OutsideLabelSetException.class,
                    () -> rig.titan.classify(Rig.categoryRequest(TICKET)));

            assertEquals("Printers", rejected.value());
            assertEquals("category", rejected.label());
            assertEquals(1, rig.metrics.value(TitanMetrics.ERRORS, "titan", provider.id(), "kind", "outside_label_set"));
        }
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void anAlternativeOutsideTheLabelSetRejectsTheAnswer(Provider provider) throws Exception {
        try (Rig rig = new Rig(provider)) {
            rig.fake.reply(FakeProvider.Reply.json(200, rig.success(
                    Wire.answer("Email", 0.6, "x", "Telephony", 0.3))));

            assertThrows(OutsideLabelSetException.class, () -> rig.titan.classify(Rig.categoryRequest(TICKET)));
        }
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void withoutItsKeyOrEndpointATitanIsDisabledAndCallsNobody(Provider provider) throws Exception {
        try (Rig rig = new Rig(provider)) {
            String key = provider == Provider.AUGMENT ? "base-url" : "api-key";
            rig.with("titans." + provider.id() + "." + key, null);

            assertFalse(rig.titan.enabled());
            assertThrows(TitanDisabledException.class, () -> rig.titan.classify(Rig.categoryRequest(TICKET)));
            assertEquals(0, rig.fake.received().size());
        }
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void theMonthlyCostCapRefusesFurtherCalls(Provider provider) throws Exception {
        try (Rig rig = new Rig(provider)) {
            rig.with("titans.tenant." + Rig.TENANT + ".monthly-cost-cap-usd", "0.0001");
            rig.with("titans.price." + model(provider) + ".input-usd-per-million", "1");
            rig.with("titans.price." + model(provider) + ".output-usd-per-million", "1");
            rig.fake.reply(FakeProvider.Reply.json(200, rig.success(Wire.answer("Email", 0.8, "x"))));

            rig.titan.classify(Rig.categoryRequest(TICKET));
            assertThrows(CostCapReachedException.class, () -> rig.titan.classify(Rig.categoryRequest(TICKET)));

            assertEquals(1, rig.fake.received().size());
            assertEquals(0.00128, rig.metrics.value(TitanMetrics.COST, "titan", provider.id(), "tenant", Rig.TENANT),
                    1e-12);
            assertEquals(1, rig.metrics.value(TitanMetrics.ERRORS, "titan", provider.id(), "kind", "cost_cap_reached"));
        }
    }

    private static String model(Provider provider) {
        return provider == Provider.AUGMENT ? "augment-triage-1" : ModuleDefaults.values().get("titans." + provider.id() + ".model");
    }

    private static void assertAuthenticated(Provider provider, FakeProvider.Received sent) {
        String key = "test-key-" + provider.id();
        switch (provider.protocol()) {
            case OPENAI -> assertEquals("Bearer " + key, sent.header("Authorization"));
            case ANTHROPIC -> assertEquals(key, sent.header("x-api-key"));
            case GEMINI -> assertEquals(key, sent.header("x-goog-api-key"));
        }
    }

    static FakeProvider.Reply rateLimited(Provider provider) {
        return FakeProvider.Reply.json(429, switch (provider.protocol()) {
            case OPENAI -> Wire.openAiError("Rate limit reached for requests per min (RPM): Limit 3, Used 3.",
                    "requests", "rate_limit_exceeded");
            case ANTHROPIC -> Wire.anthropicError("rate_limit_error",
                    "This request would exceed the rate limit for your organization of 40,000 input tokens per minute.");
            case GEMINI -> Wire.geminiError(429, "RESOURCE_EXHAUSTED",
                    "Resource has been exhausted (e.g. check quota).", null, null);
        });
    }

    static String serverError(Provider provider) {
        return switch (provider.protocol()) {
            case OPENAI -> Wire.openAiError("The server had an error while processing your request.", "server_error",
                    null);
            case ANTHROPIC -> Wire.anthropicError("api_error", "Internal server error");
            case GEMINI -> Wire.geminiError(500, "INTERNAL", "An internal error has occurred.", null, null);
        };
    }
}
