package omega.titans.control.external;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import omega.platform.control.MapConfig;
import omega.platform.control.PiiTokenizer;
import omega.titans.api.ExternalTitan;
import omega.titans.api.TitanRequest;

/** One external titan wired (without a container) to a {@link FakeProvider}, with its ledger, cooldowns and metrics. */
final class Rig implements AutoCloseable {

    static final String TENANT = "acme";

    final Provider provider;
    final FakeProvider fake;
    final Map<String, String> config = new HashMap<>();
    final TitanMetrics metrics = new TitanMetrics();
    final Cooldowns cooldowns = new Cooldowns();
    UsageLedger ledger;
    ExternalTitan titan;

    Rig(Provider provider) throws IOException {
        this.provider = provider;
        this.fake = new FakeProvider();
        String prefix = "titans." + provider.id() + ".";
        config.put(prefix + "api-key", "test-key-" + provider.id());
        config.put(prefix + "base-url", fake.url(pathPrefix(provider)));
        config.put(prefix + "timeout-ms", "3000");
        if (provider == Provider.AUGMENT) {
            config.put(prefix + "model", "augment-triage-1");
        }
        build();
    }

    /** Sets a config key and rebuilds the titan (a fresh ledger, the same cooldowns and metrics). */
    Rig with(String key, String value) {
        if (value == null) {
            config.remove(key);
        } else {
            config.put(key, value);
        }
        build();
        return this;
    }

    private void build() {
        MapConfig mapConfig = ModuleDefaults.config(config);
        ledger = new UsageLedger(mapConfig, null);
        ExternalClassifier classifier = new ExternalClassifier(new PiiTokenizer(), ledger, cooldowns, metrics);
        titan = adapter(provider, ChatModelFactory.connect(TitanSettings.read(mapConfig, provider)), classifier);
    }

    static ExternalTitan adapter(Provider provider, ExternalModel model, ExternalClassifier classifier) {
        return switch (provider) {
            case OPENAI -> new GptTitan(model, classifier);
            case ANTHROPIC -> new ClaudeTitan(model, classifier);
            case GEMINI -> new GeminiTitan(model, classifier);
            case XAI -> new GrokTitan(model, classifier);
            case AUGMENT -> new AugmentTitan(model, classifier);
        };
    }

    static String pathPrefix(Provider provider) {
        return switch (provider) {
            case OPENAI, XAI -> "/v1";
            case ANTHROPIC -> "/v1/";
            case GEMINI -> "/v1beta";
            case AUGMENT -> "/augment/v1";
        };
    }

    /** The path a chat request of this provider is sent to. */
    String chatPath() {
        return switch (provider) {
            case OPENAI, XAI -> "/v1/chat/completions";
            case ANTHROPIC -> "/v1/messages";
            case GEMINI -> "/v1beta/models/gemini-2.5-flash:generateContent";
            case AUGMENT -> "/augment/v1/chat/completions";
        };
    }

    static TitanRequest categoryRequest(String text) {
        return new TitanRequest(TENANT, "category", text, Set.of("Network", "Email", "Hardware", "Access"));
    }

    String success(String answerText) {
        return Wire.success(provider.protocol(), answerText);
    }

    @Override
    public void close() {
        fake.close();
    }
}
