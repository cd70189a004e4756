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

    public String titanId() {
        return provider.id();
    }

    public static TitanSettings read(Config config, Provider provider) {
        String prefix = "titans." + provider.id() + ".";
        String apiKey = text(config, prefix + "api-key").orElse(null);
        String baseUrl = text(config, prefix + "base-url").orElse(null);
        String model = text(config, prefix + "model").orElse(null);
        boolean enabled = provider.needsApiKey() ? apiKey != null : baseUrl != null && model != null;
        return new TitanSettings(provider, enabled, apiKey, baseUrl, model,
                Duration.ofMillis(number(config, prefix + "timeout-ms")),
                (int) number(config, prefix + "max-output-tokens"),
                text(config, prefix + "json-schema").map(Boolean::parseBoolean).orElse(provider != Provider.AUGMENT),
                Duration.ofMillis(number(config, prefix + "max-retry-after-ms")));
    }

    private static Optional<String> text(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** the defaults are in the titans module's META-INF/microprofile-config.properties */
    private static long number(Config config, String key) {
        return text(config, key).map(Long::parseLong).orElseThrow(() -> new IllegalStateException(
                key + " is not configured (its default is in the titans module's META-INF/microprofile-config.properties)"));
    }

    @Override
    public String toString() {
        return "TitanSettings[" + provider.id() + ", enabled=" + enabled + ", baseUrl=" + baseUrl + ", model=" + model
                + ", apiKey=" + (apiKey == null ? "none" : "***") + "]";
    }
}
