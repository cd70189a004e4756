package omega.titans.control.external;

import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

/**
 * USD per million input/output tokens, per model: {@code titans.price.<model>.input-usd-per-million} and
 * {@code .output-usd-per-million}. The defaults are the providers' list prices for the default models as published
 * in 2025 — check them against the current price lists and override in production.
 */
final class ModelPrices {

    /** @param input USD per million input tokens; output likewise */
    record Price(double input, double output) {
        double cost(long inputTokens, long outputTokens) {
            return (inputTokens * input + outputTokens * output) / 1_000_000d;
        }
    }

    private static final Map<String, Price> LIST_PRICES = Map.of(
            "gpt-4.1", new Price(2.00, 8.00),
            "gpt-4.1-mini", new Price(0.40, 1.60),
            "claude-sonnet-4-5-20250929", new Price(3.00, 15.00),
            "gemini-2.5-flash", new Price(0.30, 2.50),
            "grok-3", new Price(3.00, 15.00));

    private final Config config;

    ModelPrices(Config config) {
        this.config = config;
    }

    /** @return the price of a model, empty when neither configured nor known (its calls then cost 0) */
    Optional<Price> of(String model) {
        Optional<Double> input = number("titans.price." + model + ".input-usd-per-million");
        Optional<Double> output = number("titans.price." + model + ".output-usd-per-million");
        Price listed = LIST_PRICES.get(model);
        if (input.isEmpty() && output.isEmpty()) {
            return Optional.ofNullable(listed);
        }
        return Optional.of(new Price(input.orElse(listed == null ? 0 : listed.input()),
                output.orElse(listed == null ? 0 : listed.output())));
    }

    private Optional<Double> number(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty())
                .map(Double::parseDouble);
    }
}
