package omega.titans.control.external;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The external titans' metrics, kept in memory until something exposes them (MicroProfile Metrics is not a server
 * feature here): {@code titan_api_errors_total{titan,kind}}, {@code titan_api_latency_seconds_count/_sum
 * {titan,outcome}}, {@code titan_tokens_total{titan,tenant,direction}}, {@code titan_cost_usd_total{titan,tenant}}.
 * {@link #prometheusText()} renders them in the Prometheus text format.
 */
@ApplicationScoped
public class TitanMetrics {

    public static final String ERRORS = "titan_api_errors_total";
    public static final String LATENCY_COUNT = "titan_api_latency_seconds_count";
    public static final String LATENCY_SUM = "titan_api_latency_seconds_sum";
    public static final String TOKENS = "titan_tokens_total";
    public static final String COST = "titan_cost_usd_total";

    /** One time series and its current value; labels sorted by name. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private record Series(String name, Map<String, String> labels) {
    }

    private final ConcurrentMap<Series, DoubleAdder> series = new ConcurrentHashMap<>();

    public void error(String titanId, String kind) {
        add(ERRORS, 1, "titan", titanId, "kind", kind);
    }

    public void latency(String titanId, boolean success, Duration elapsed) {
        String outcome = success ? "success" : "error";
        add(LATENCY_COUNT, 1, "titan", titanId, "outcome", outcome);
        add(LATENCY_SUM, elapsed.toNanos() / 1e9, "titan", titanId, "outcome", outcome);
    }

    public void tokens(String titanId, String tenantId, long input, long output) {
        add(TOKENS, input, "titan", titanId, "tenant", tenantId, "direction", "input");
        add(TOKENS, output, "titan", titanId, "tenant", tenantId, "direction", "output");
    }

    public void cost(String titanId, String tenantId, double usd) {
        add(COST, usd, "titan", titanId, "tenant", tenantId);
    }

    /** @param labels name, value, name, value, ... */
    public double value(String name, String... labels) {
        DoubleAdder adder = series.get(new Series(name, labelMap(labels)));
        return adder == null ? 0 : adder.sum();
    }

    public List<Sample> samples() {
        List<Sample> samples = new ArrayList<>();
        series.forEach((s, adder) -> samples.add(new Sample(s.name(), s.labels(), adder.sum())));
        samples.sort(Comparator.comparing(Sample::name).thenComparing(s -> s.labels().toString()));
        return samples;
    }

    public String prometheusText() {
        StringBuilder text = new StringBuilder();
        for (Sample sample : samples()) {
            text.append(sample.name()).append(sample.labels().entrySet().stream()
                            .map(e -> e.getKey() + "=\"" + e.getValue().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                            .collect(Collectors.joining(",", "{", "}")))
                    .append(' ').append(sample.value()).append('\n');
        }
        return text.toString();
    }

    private void add(String name, double amount, String... labels) {
        series.computeIfAbsent(new Series(name, labelMap(labels)), s -> new DoubleAdder()).add(amount);
    }

    private static Map<String, String> labelMap(String... labels) {
        Map<String, String> map = new TreeMap<>();
        for (int i = 0; i + 1 < labels.length; i += 2) {
            map.put(labels[i], labels[i + 1] == null ? "" : labels[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
