package omega.titans.control.external;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class TitanMetricsTest {

    @Test
    void countsAndRendersPrometheusText() {
        TitanMetrics metrics = new TitanMetrics();
        metrics.error("openai", "rate_limited");
        metrics.error("openai", "rate_limited");
        metrics.latency("openai", true, Duration.ofMillis(250));
        metrics.latency("openai", true, Duration.ofMillis(750));
        metrics.tokens("openai", "acme", 100, 20);
        metrics.cost("openai", "acme", 0.5);

        assertEquals(2, metrics.value(TitanMetrics.ERRORS, "kind", "rate_limited", "titan", "openai"));
        assertEquals(1.0, metrics.value(TitanMetrics.LATENCY_SUM, "titan", "openai", "outcome", "success"), 1e-9);
        assertEquals("""
                titan_api_errors_total{kind="rate_limited",titan="openai"} 2.0
                titan_api_latency_seconds_count{outcome="success",titan="openai"} 2.0
                titan_api_latency_seconds_sum{outcome="success",titan="openai"} 1.0
                titan_cost_usd_total{tenant="acme",titan="openai"} 0.5
                titan_tokens_total{direction="input",tenant="acme",titan="openai"} 100.0
                titan_tokens_total{direction="output",tenant="acme",titan="openai"} 20.0
                """, metrics.prometheusText());
    }
}
