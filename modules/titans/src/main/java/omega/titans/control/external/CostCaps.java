package omega.titans.control.external;

import java.util.Optional;

import org.eclipse.microprofile.config.Config;

/**
 * Monthly USD caps on external titan spend: {@code titans.tenant.<tenantId>.monthly-cost-cap-usd} for one tenant,
 * else {@code titans.monthly-cost-cap-usd} for every tenant; none configured means no cap.
 */
final class CostCaps {

    private final Config config;

    CostCaps(Config config) {
        this.config = config;
    }

    Optional<Double> capFor(String tenantId) {
        return number("titans.tenant." + tenantId + ".monthly-cost-cap-usd")
                .or(() -> number("titans.monthly-cost-cap-usd"));
    }

    private Optional<Double> number(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty())
                .map(Double::parseDouble);
    }
}
