package omega.titans.control.external;

import java.util.Optional;

import org.eclipse.microprofile.config.Config;

/**
 * USD per million input/output tokens, per model: {@code titans.price.<model>.input-usd-per-million} and
 * {@code .output-usd-per-million}; one of the two configured, the other counts 0. The defaults, in the titans module's
 * {@code META-INF/microprofile-config.properties}, are the providers' list prices for the default models as published
 * in 2025 — check them against the current price lists and override in production.
 */
final class ModelPrices {

    /** @param input USD per million input tokens; output likewise */
    record Price(double input, double output) {
        double cost(long inputTokens, long outputTokens) {
            return (inputTokens * input + outputTokens * output) / 1_000_000d;
        }
    }

    private final Config config;

    ModelPrices(Config config) {
        this.config = config;
    }

    /** @return the price of a model, empty when neither configured nor known (its calls then cost 0) */
    Optional<Price> of(String model) {
        Optional<Double> input = number("titans.price." + model + ".input-usd-per-million");
        Optional<Double> output = number("titans.price." + model + ".output-usd-per-million");
        if (input.isEmpty() && output.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Price(input.orElse(0d), output.orElse(0d)));
    }

    private Optional<Double> number(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty())
                .map(Double::parseDouble);
    }
}
