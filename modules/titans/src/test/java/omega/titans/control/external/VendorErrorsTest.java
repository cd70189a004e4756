package omega.titans.control.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import omega.titans.api.FailureKind;
import omega.titans.api.NonRetryableTitanException;
import omega.titans.api.RetryableTitanException;
import omega.titans.api.TitanException;

/** Each vendor's own error bodies, answered by a fake provider, classified retryable or not. */
class VendorErrorsTest {

    private static final String TICKET = "The VPN drops every ten minutes.";

    @Test
    void openAiInsufficientQuotaIsNotRetryable() throws Exception {
        NonRetryableTitanException failure = fail(Provider.OPENAI, 429, Wire.openAiError(
                "You exceeded your current quota, please check your plan and billing details.", "insufficient_quota",
                "insufficient_quota"), NonRetryableTitanException.class);

        assertEquals(FailureKind.QUOTA_EXHAUSTED, failure.kind());
        assertTrue(failure.getMessage().contains("insufficient_quota"), failure.getMessage());
    }

    @Test
    void openAiRateLimitExceededIsRetryableAfterTheWaitNamedInTheMessage() throws Exception {
        RetryableTitanException failure = fail(Provider.OPENAI, 429, Wire.openAiError(
                "Rate limit reached for gpt-4o in organization org-abc on tokens per min (TPM): Limit 30000, Used 29000, "
                        + "Requested 2000. Please try again in 2s. Visit https://platform.openai.com/account/rate-limits "
                        + "to learn more.", "tokens", "rate_limit_exceeded"), RetryableTitanException.class);

        assertEquals(FailureKind.RATE_LIMITED, failure.kind());
        assertEquals(Optional.of(Duration.ofSeconds(2)), failure.retryAfter());
    }

    @Test
    void openAiRequestTooLargeIsNotRetryableAlthoughItIsA429() throws Exception {
        NonRetryableTitanException failure = fail(Provider.OPENAI, 429, Wire.openAiError(
                "Request too large for gpt-4o in organization org-abc on tokens per min (TPM): Limit 30000, "
                        + "Requested 45000. The input or output tokens must be reduced in order to run successfully.",
                "tokens", "rate_limit_exceeded"), NonRetryableTitanException.class);

        assertEquals(FailureKind.REQUEST_TOO_LARGE, failure.kind());
    }

    @Test
    void openAiRetryAfterMsHeaderWins() throws Exception {
        try (Rig rig = new Rig(Provider.OPENAI)) {
            rig.fake.reply(FakeProvider.Reply.json(429, Wire.openAiError("Rate limit reached. Please try again in 9s.",
                    "requests", "rate_limit_exceeded")).withHeader("retry-after-ms", "250"));

            RetryableTitanException failure = assertThrows(RetryableTitanException.class,
                    () -> rig.titan.classify(Rig.categoryRequest(TICKET)));

            assertEquals(Optional.of(Duration.ofMillis(250)), failure.retryAfter());
        }
    }

    @Test
    void grokRateLimitIsRetryableAndAWrongKeyIsNot() throws Exception {
        assertEquals(FailureKind.RATE_LIMITED, fail(Provider.XAI, 429, Wire.openAiError(
                "Too many requests", "rate_limit_error", "rate_limit_exceeded"), RetryableTitanException.class).kind());
        assertEquals(FailureKind.AUTHENTICATION, fail(Provider.XAI, 401, Wire.openAiError(
                "Incorrect API key provided", "invalid_request_error", "invalid_api_key"),
                NonRetryableTitanException.class).kind());
    }

    @Test
    void anthropicOverloaded529IsRetryableHonouringRetryAfter() throws Exception {
        try (Rig rig = new Rig(Provider.ANTHROPIC)) {
            rig.fake.reply(FakeProvider.Reply.json(529, Wire.anthropicError("overloaded_error", "Overloaded"))
                    .withHeader("retry-after", "2"));

            RetryableTitanException failure = assertThrows(RetryableTitanException.class,
                    () -> rig.titan.classify(Rig.categoryRequest(TICKET)));

            assertEquals(FailureKind.OVERLOADED, failure.kind());
            assertEquals(Optional.of(Duration.ofSeconds(2)), failure.retryAfter());
            assertTrue(rig.cooldowns.remaining("anthropic").toMillis() > 1000);
        }
    }

    @Test
    void anthropicOverloaded529WithoutRetryAfterIsRetryable() throws Exception {
        RetryableTitanException failure = fail(Provider.ANTHROPIC, 529,
                Wire.anthropicError("overloaded_error", "Overloaded"), RetryableTitanException.class);

        assertEquals(FailureKind.OVERLOADED, failure.kind());
        assertEquals(Optional.empty(), failure.retryAfter());
    }

    @Test
    void anthropicSpendLimitAndBillingErrorsAreNotRetryable() throws Exception {
        assertEquals(FailureKind.QUOTA_EXHAUSTED, fail(Provider.ANTHROPIC, 429, Wire.anthropicSpendLimit(),
                NonRetryableTitanException.class).kind());
        assertEquals(FailureKind.QUOTA_EXHAUSTED, fail(Provider.ANTHROPIC, 402,
                Wire.anthropicError("billing_error", "Your credit balance is too low."),
                NonRetryableTitanException.class).kind());
    }

    @Test
    void geminiResourceExhaustedIsRetryableAfterItsRetryInfoDelay() throws Exception {
        RetryableTitanException failure = fail(Provider.GEMINI, 429, Wire.geminiError(429, "RESOURCE_EXHAUSTED",
                "You exceeded your current quota, please check your plan and billing details.",
                "GenerateRequestsPerMinutePerProjectPerModel-FreeTier", "1.5s"), RetryableTitanException.class);

        assertEquals(FailureKind.RATE_LIMITED, failure.kind());
        assertEquals(Optional.of(Duration.ofMillis(1500)), failure.retryAfter());
    }

    @Test
    void geminiRetryInfoLongerThanOmegaWaitsFallsBackAtOnce() throws Exception {
        NonRetryableTitanException failure = fail(Provider.GEMINI, 429, Wire.geminiError(429, "RESOURCE_EXHAUSTED",
                "You exceeded your current quota.", "GenerateRequestsPerMinutePerProjectPerModel-FreeTier", "41.5s"),
                NonRetryableTitanException.class);

        assertEquals(FailureKind.COOLING_DOWN, failure.kind());
        RetryableTitanException cause = assertInstanceOf(RetryableTitanException.class, failure.getCause());
        assertEquals(Optional.of(Duration.ofMillis(41_500)), cause.retryAfter());
    }

    @Test
    void geminiDailyQuotaIsNotRetryable() throws Exception {
        assertEquals(FailureKind.QUOTA_EXHAUSTED, fail(Provider.GEMINI, 429, Wire.geminiError(429,
                "RESOURCE_EXHAUSTED", "You exceeded your current quota.", "GenerateRequestsPerDayPerProjectPerModel-FreeTier",
                "20s"), NonRetryableTitanException.class).kind());
    }

    @Test
    void geminiUnavailableIsARetryableOverload() throws Exception {
        assertEquals(FailureKind.OVERLOADED, fail(Provider.GEMINI, 503, Wire.geminiError(503, "UNAVAILABLE",
                "The model is overloaded. Please try again later.", null, null), RetryableTitanException.class).kind());
    }

    @Test
    void anHtmlErrorPageIsClassifiedByItsStatus() throws Exception {
        assertEquals(FailureKind.SERVER_ERROR, fail(Provider.AUGMENT, 502,
                "<html><body>502 Bad Gateway</body></html>", RetryableTitanException.class).kind());
        assertEquals(FailureKind.BAD_REQUEST, fail(Provider.AUGMENT, 404,
                "<html><body>404 Not Found</body></html>", NonRetryableTitanException.class).kind());
    }

    @Test
    void anUnreachableProviderIsRetryable() throws Exception {
        Rig rig = new Rig(Provider.OPENAI);
        rig.close();

        RetryableTitanException failure = assertThrows(RetryableTitanException.class,
                () -> rig.titan.classify(Rig.categoryRequest(TICKET)));

        assertEquals(FailureKind.UNREACHABLE, failure.kind());
    }

    private static <T extends TitanException> T fail(Provider provider, int status, String body, Class<T> type)
            throws Exception {
        try (Rig rig = new Rig(provider)) {
            rig.fake.reply(FakeProvider.Reply.json(status, body));
            T failure = assertThrows(type, () -> rig.titan.classify(Rig.categoryRequest(TICKET)));
            assertEquals(1, rig.metrics.value(TitanMetrics.ERRORS, "titan", provider.id(), "kind",
                    failure.kind() == FailureKind.COOLING_DOWN && failure.getCause() instanceof TitanException cause
                            ? cause.kind().metricName() : failure.kind().metricName()));
            return failure;
        }
    }
}
