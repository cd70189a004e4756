package omega.titans.control.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import omega.platform.control.MapConfig;

class TitanSettingsTest {

    @Test
    void aKeyEnablesATitanWithTheProvidersDefaults() {
        TitanSettings openAi = TitanSettings.read(ModuleDefaults.config(Map.of("titans.openai.api-key", "sk-test")),
                Provider.OPENAI);

        assertTrue(openAi.enabled());
        assertEquals("https://api.openai.com/v1", openAi.baseUrl());
        assertEquals("gpt-4.1-mini", openAi.model());
        assertEquals(Duration.ofSeconds(20), openAi.timeout());
        assertEquals(Duration.ofSeconds(10), openAi.maxRetryAfter());
        assertTrue(openAi.jsonSchema());
        assertFalse(openAi.toString().contains("sk-test"), "the key never shows in logs");
    }

    @Test
    void everySettingCanBeConfigured() {
        TitanSettings grok = TitanSettings.read(ModuleDefaults.config(Map.of(
                "titans.xai.api-key", "xai-key", "titans.xai.base-url", "https://proxy.example/xai/v1",
                "titans.xai.model", "grok-4", "titans.xai.timeout-ms", "5000", "titans.xai.max-output-tokens", "200",
                "titans.xai.json-schema", "false", "titans.xai.max-retry-after-ms", "2500")), Provider.XAI);

        assertEquals(new TitanSettings(Provider.XAI, true, "xai-key", "https://proxy.example/xai/v1", "grok-4",
                Duration.ofSeconds(5), 200, false, Duration.ofMillis(2500)), grok);
    }

    @Test
    void withoutAKeyATitanIsDisabledAndAugmentNeedsItsEndpointAndModel() {
        MapConfig none = ModuleDefaults.config(Map.of("titans.openai.api-key", "  "));
        for (Provider provider : Provider.values()) {
            assertFalse(TitanSettings.read(none, provider).enabled(), provider.id());
        }
        assertFalse(TitanSettings.read(ModuleDefaults.config(Map.of("titans.augment.base-url", "https://augment.example/v1")),
                Provider.AUGMENT).enabled());
        TitanSettings augment = TitanSettings.read(ModuleDefaults.config(Map.of("titans.augment.base-url",
                "https://augment.example/v1", "titans.augment.model", "triage-1")), Provider.AUGMENT);
        assertTrue(augment.enabled());
        assertFalse(augment.jsonSchema(), "an unknown endpoint gets the prompt-only contract by default");
    }

    @Test
    void theDefaultsComeFromTheModulesConfigFileNotFromCode() {
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> TitanSettings.read(
                new MapConfig(Map.of("titans.openai.api-key", "sk-test")), Provider.OPENAI));
        assertTrue(missing.getMessage().contains("titans.openai.timeout-ms"), missing.getMessage());
        assertEquals("gpt-4.1", TitanSettings.read(ModuleDefaults.config(Map.of("titans.openai.api-key", "sk-test",
                "titans.openai.model", "gpt-4.1")), Provider.OPENAI).model());
    }
}
