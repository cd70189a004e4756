package omega.titans.control.external;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/**
 * Provider payloads in the vendors' wire formats (field names and shapes as in the OpenAI chat completion, Anthropic
 * message, Gemini generateContent and xAI chat completion documents and error bodies), written for these tests.
 */
final class Wire {

    private Wire() {
    }

    /** The model's JSON answer, as the text of its message. */
    static String answer(String value, double confidence, String explanation, Object... alternatives) {
        JsonArrayBuilder alts = Json.createArrayBuilder();
        for (int i = 0; i + 1 < alternatives.length; i += 2) {
            alts.add(Json.createObjectBuilder().add("value", (String) alternatives[i])
                    .add("confidence", ((Number) alternatives[i + 1]).doubleValue()));
        }
        return Json.createObjectBuilder().add("value", value).add("confidence", confidence).add("alternatives", alts)
                .add("explanation", explanation).build().toString();
    }

    /** A 200 body carrying {@code text} as the model's message, for the given protocol. */
    static String success(Provider.Protocol protocol, String text) {
        return switch (protocol) {
            case OPENAI -> openAiCompletion(text);
            case ANTHROPIC -> anthropicMessage(text);
            case GEMINI -> geminiContent(text);
        };
    }

    static String openAiCompletion(String content) {
        return Json.createObjectBuilder()
                .add("id", "chatcmpl-test-0001")
                .add("object", "chat.completion")
                .add("created", 1741569952)
                .add("model", "gpt-4.1-mini-2025-04-14")
                .add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("index", 0)
                        .add("message", Json.createObjectBuilder().add("role", "assistant").add("content", content)
                                .addNull("refusal").add("annotations", Json.createArrayBuilder()))
                        .addNull("logprobs")
                        .add("finish_reason", "stop")))
                .add("usage", Json.createObjectBuilder()
                        .add("prompt_tokens", 1200).add("completion_tokens", 80).add("total_tokens", 1280)
                        .add("prompt_tokens_details", Json.createObjectBuilder().add("cached_tokens", 0))
                        .add("completion_tokens_details", Json.createObjectBuilder().add("reasoning_tokens", 0)))
                .add("service_tier", "default")
                .build().toString();
    }

    static String anthropicMessage(String text) {
        return Json.createObjectBuilder()
                .add("id", "msg_test0001")
                .add("type", "message")
                .add("role", "assistant")
                .add("model", "claude-sonnet-4-5-20250929")
                .add("content", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .addNull("citations").add("type", "text").add("text", text)))
                .add("stop_reason", "end_turn")
                .addNull("stop_sequence")
                .add("usage", Json.createObjectBuilder().add("input_tokens", 1200).add("output_tokens", 80))
                .build().toString();
    }

    static String geminiContent(String text) {
        return Json.createObjectBuilder()
                .add("candidates", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("content", Json.createObjectBuilder()
                                .add("parts", Json.createArrayBuilder().add(Json.createObjectBuilder().add("text", text)))
                                .add("role", "model"))
                        .add("finishReason", "STOP")
                        .add("index", 0)))
                .add("usageMetadata", Json.createObjectBuilder()
                        .add("promptTokenCount", 1200).add("candidatesTokenCount", 80).add("totalTokenCount", 1280))
                .add("modelVersion", "gemini-2.5-flash")
                .add("responseId", "resp-test-0001")
                .build().toString();
    }

    static String openAiError(String message, String type, String code) {
        JsonObjectBuilder error = Json.createObjectBuilder().add("message", message).add("type", type).addNull("param");
        if (code == null) {
            error.addNull("code");
        } else {
            error.add("code", code);
        }
        return Json.createObjectBuilder().add("error", error).build().toString();
    }

    static String anthropicError(String type, String message) {
        return Json.createObjectBuilder().add("type", "error")
                .add("error", Json.createObjectBuilder().add("type", type).add("message", message))
                .add("request_id", "req_test0001").build().toString();
    }

    static String anthropicSpendLimit() {
        return Json.createObjectBuilder().add("type", "error")
                .add("error", Json.createObjectBuilder().add("type", "rate_limit_error")
                        .add("message", "You have reached your specified workspace API usage limits.")
                        .add("details", Json.createObjectBuilder().add("error_code", "enforced_spend_limit_reached")))
                .build().toString();
    }

    /** A google.rpc error; {@code quotaId} null leaves out the QuotaFailure, {@code retryDelay} null the RetryInfo. */
    static String geminiError(int code, String status, String message, String quotaId, String retryDelay) {
        JsonArrayBuilder details = Json.createArrayBuilder();
        if (quotaId != null) {
            details.add(Json.createObjectBuilder()
                    .add("@type", "type.googleapis.com/google.rpc.QuotaFailure")
                    .add("violations", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("quotaMetric", "generativelanguage.googleapis.com/generate_content_free_tier_requests")
                            .add("quotaId", quotaId)
                            .add("quotaDimensions", Json.createObjectBuilder().add("model", "gemini-2.5-flash")
                                    .add("location", "global"))
                            .add("quotaValue", "2"))));
        }
        if (retryDelay != null) {
            details.add(Json.createObjectBuilder().add("@type", "type.googleapis.com/google.rpc.RetryInfo")
                    .add("retryDelay", retryDelay));
        }
        return Json.createObjectBuilder().add("error", Json.createObjectBuilder()
                .add("code", code).add("message", message).add("status", status).add("details", details))
                .build().toString();
    }

    static List<String> labels(String... values) {
        return List.of(values);
    }
}
