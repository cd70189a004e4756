package omega.titans.control.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

import org.junit.jupiter.api.Test;

import omega.titans.api.FailureKind;
import omega.titans.api.NonRetryableTitanException;
import omega.titans.api.RetryableTitanException;
import omega.titans.api.TitanAnswer;
import omega.titans.api.TitanException;

/**
 * The vendors' recorded payloads in the shared fixtures folder (read in place, skipped where the folder is absent),
 * replayed by a fake provider: success bodies (with the message text swapped for a JSON answer) and error bodies.
 */
class SharedFixturesTest {

    private static final Path FIXTURES = Path.of("/work/shared/fixtures");
    private static final String TICKET = "Outlook keeps asking for the password.";

    @Test
    void openAiChatCompletion() throws Exception {
        TitanAnswer answer = succeed(Provider.OPENAI, "llm-openai-chat-completions.json", "/choices/0/message/content",
                19, 10);
        assertEquals("gpt-4.1-2025-04-14", answer.modelVersion());
    }

    @Test
    void anthropicMessage() throws Exception {
        succeed(Provider.ANTHROPIC, "llm-anthropic-messages.json", "/content/0/text", 2095, 503);
    }

    @Test
    void geminiGenerateContent() throws Exception {
        succeed(Provider.GEMINI, "llm-gemini-generatecontent.json", "/candidates/0/content/parts/0/text", 12, 35);
    }

    @Test
    void xaiChatCompletion() throws Exception {
        succeed(Provider.XAI, "llm-xai-chat-completions.json", "/choices/0/message/content", 8, 20);
    }

    @Test
    void openAiErrors() throws Exception {
        JsonObject fixture = fixture("llm-openai-chat-completions.json");

        RetryableTitanException limited = fail(Provider.OPENAI, fixture, "error_429_rate_limit",
                RetryableTitanException.class);
        assertEquals(Optional.of(Duration.ofSeconds(2)), limited.retryAfter());
        assertEquals(FailureKind.REQUEST_TOO_LARGE, fail(Provider.OPENAI, fixture,
                "error_429_request_too_large_do_not_retry", NonRetryableTitanException.class).kind());
        assertEquals(FailureKind.QUOTA_EXHAUSTED, fail(Provider.OPENAI, fixture,
                "error_429_insufficient_quota_do_not_retry", NonRetryableTitanException.class).kind());
    }

    @Test
    void anthropicErrors() throws Exception {
        JsonObject fixture = fixture("llm-anthropic-messages.json");

        assertEquals(FailureKind.RATE_LIMITED, fail(Provider.ANTHROPIC, fixture, "error_429_rate_limit",
                RetryableTitanException.class).kind());
        assertEquals(FailureKind.OVERLOADED, fail(Provider.ANTHROPIC, fixture, "error_529_overloaded",
                RetryableTitanException.class).kind());
    }

    @Test
    void geminiErrors() throws Exception {
        JsonObject fixture = fixture("llm-gemini-generatecontent.json");

        NonRetryableTitanException coolingDown = fail(Provider.GEMINI, fixture, "error_429_resource_exhausted",
                NonRetryableTitanException.class);
        assertEquals(FailureKind.COOLING_DOWN, coolingDown.kind(), "41.5 s is longer than the default 10 s wait");
        assertEquals(Optional.of(Duration.ofMillis(41_500)),
                assertInstanceOf(RetryableTitanException.class, coolingDown.getCause()).retryAfter());
        assertEquals(FailureKind.OVERLOADED, fail(Provider.GEMINI, fixture, "error_503_overloaded",
                RetryableTitanException.class).kind());
    }

    private static TitanAnswer succeed(Provider provider, String file, String textPointer, long input, long output)
            throws Exception {
        JsonObject fixture = fixture(file);
        JsonStructure body = Json.createPointer(textPointer).replace(fixture.getJsonObject("response_200"),
                Json.createValue(Wire.answer("Email", 0.8, "Outlook prompts for credentials.")));
        try (Rig rig = new Rig(provider)) {
            rig.fake.reply(FakeProvider.Reply.json(200, body.toString()));

            TitanAnswer answer = rig.titan.classify(Rig.categoryRequest(TICKET));

            assertEquals("Email", answer.value());
            var usage = rig.ledger.usage(Rig.TENANT, YearMonth.now(ZoneOffset.UTC));
            assertEquals(input, usage.inputTokens());
            assertEquals(output, usage.outputTokens());
            return answer;
        }
    }

    private static <T extends TitanException> T fail(Provider provider, JsonObject fixture, String error,
                                                     Class<T> type) throws Exception {
        JsonObject recorded = fixture.getJsonObject(error);
        try (Rig rig = new Rig(provider)) {
            rig.fake.reply(FakeProvider.Reply.json(recorded.getInt("status"), recorded.getJsonObject("body").toString()));
            return assertThrows(type, () -> rig.titan.classify(Rig.categoryRequest(TICKET)));
        }
    }

    private static JsonObject fixture(String file) throws IOException {
        Path path = FIXTURES.resolve(file);
        assumeTrue(Files.isReadable(path), "shared fixture " + path + " is not available here");
        return Json.createReader(new StringReader(Files.readString(path))).readObject();
    }
}
