package omega.titans.control.external;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * Builds the langchain4j {@link ChatModel} for a provider's settings. langchain4j's own retries are off
 * ({@code maxRetries(0)}): retrying is the adapters' MicroProfile Fault Tolerance policy, which also sees the
 * provider's {@code retry-after}. Every model uses a {@link ProviderHttpClient}, so error headers survive.
 */
final class ChatModelFactory {

    private ChatModelFactory() {
    }

    static ExternalModel connect(TitanSettings settings) {
        if (!settings.enabled()) {
            return new ExternalModel(settings, null);
        }
        ChatModel chat = switch (settings.provider().protocol()) {
            case OPENAI -> openAi(settings);
            case ANTHROPIC -> anthropic(settings);
            case GEMINI -> gemini(settings);
        };
        return new ExternalModel(settings, chat);
    }

    private static ChatModel openAi(TitanSettings settings) {
        OpenAiChatModel.OpenAiChatModelBuilder builder = OpenAiChatModel.builder()
                .httpClientBuilder(new ProviderHttpClientBuilder())
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey() == null ? "" : settings.apiKey())
                .modelName(settings.model())
                .timeout(settings.timeout())
                .maxRetries(0);
        if (settings.provider() == Provider.OPENAI) {
            builder.maxCompletionTokens(settings.maxOutputTokens());
        } else {
            builder.maxTokens(settings.maxOutputTokens());
        }
        if (settings.jsonSchema()) {
            builder.supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA).strictJsonSchema(true);
        }
        return builder.build();
    }

    private static ChatModel anthropic(TitanSettings settings) {
        AnthropicChatModel.AnthropicChatModelBuilder builder = AnthropicChatModel.builder()
                .httpClientBuilder(new ProviderHttpClientBuilder())
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .modelName(settings.model())
                .maxTokens(settings.maxOutputTokens())
                .timeout(settings.timeout())
                .maxRetries(0);
        if (settings.jsonSchema()) {
            builder.supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
        }
        return builder.build();
    }

    private static ChatModel gemini(TitanSettings settings) {
        GoogleAiGeminiChatModel.GoogleAiGeminiChatModelBuilder builder = GoogleAiGeminiChatModel.builder()
                .httpClientBuilder(new ProviderHttpClientBuilder())
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .modelName(settings.model())
                .maxOutputTokens(settings.maxOutputTokens())
                .timeout(settings.timeout())
                .maxRetries(0);
        if (settings.jsonSchema()) {
            builder.supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
        }
        return builder.build();
    }
}
