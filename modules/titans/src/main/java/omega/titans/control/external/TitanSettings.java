package omega.titans.control.external;

import java.time.Duration;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

/**
 * One external titan's settings from MicroProfile Config ({@code titans.<id>.*}). A titan is enabled when its API
 * key is set (Augment: its base URL and model).
 *
 * @param apiKey        null when not configured
 * @param maxRetryAfter the longest {@code retry-after} OMEGA waits out; a longer one refuses calls until it passed
 */
public record TitanSettings(Provider provider, boolean enabled, String apiKey, String baseUrl, String model,
                            Duration timeout, int maxOutputTokens, boolean jsonSchema, Duration maxRetryAfter) {

    static final long DEFAULT_TIMEOUT_MS = 20_000;
    static final int DEFAULT_MAX_OUTPUT_TOKENS = 400;
    static final long DEFAULT_MAX_RETRY_AFTER_MS = 10_000;

    public String titanId() {
        return provider.id();
    }

    public static TitanSettings read(Config config, Provider provider) {
        String prefix = "titans." + provider.id() + ".";
        String apiKey = text(config, prefix + "api-key").orElse(null);
        String baseUrl = text(config, prefix + "base-url").orElse(provider.defaultBaseUrl());
        String model = text(config, prefix + "model").orElse(provider.defaultModel());
        boolean enabled = provider.needsApiKey() ? apiKey != null : baseUrl != null && model != null;
        return new TitanSettings(provider, enabled, apiKey, baseUrl, model,
                Duration.ofMillis(number(config, prefix + "timeout-ms", DEFAULT_TIMEOUT_MS)),
                (int) number(config, prefix + "max-output-tokens", DEFAULT_MAX_OUTPUT_TOKENS),
                text(config, prefix + "json-schema").map(Boolean::parseBoolean).orElse(provider != Provider.AUGMENT),
                Duration.ofMillis(number(config, prefix + "max-retry-after-ms", DEFAULT_MAX_RETRY_AFTER_MS)));
    }

    private static Optional<String> text(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static long number(Config config, String key, long fallback) {
        return text(config, key).map(Long::parseLong).orElse(fallback);
    }

    @Override
    public String toString() {
        return "TitanSettings[" + provider.id() + ", enabled=" + enabled + ", baseUrl=" + baseUrl + ", model=" + model
                + ", apiKey=" + (apiKey == null ? "none" : "***") + "]";
    }
}
