package omega.connectors.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import omega.connectors.api.PsaPlatform;

/**
 * Latency of {@link TicketNormalizer#normalize} per platform on the test payloads (not a test: a tool).
 * Each sample is normalized {@code warmup} times, then {@code iterations} times one call at a time, timed with
 * {@link System#nanoTime()}; prints P50/P95/P99 per call in microseconds and tickets per call. The 1 MiB sample
 * runs a hundredth of both counts (at least 20 warm-up and 50 timed calls).
 *
 * <pre>
 * cd /work/main &amp;&amp; mvn -q -pl modules/connectors test-compile exec:java \
 *     -Dexec.mainClass=omega.connectors.control.NormalizerBench -Dexec.classpathScope=test \
 *     -Dexec.args="20000 20000"
 * </pre>
 *
 * Arguments: iterations (default 20000), warm-up calls (default 20000).
 */
public final class NormalizerBench {

    private record Sample(String name, TicketNormalizer normalizer, RawPayload payload) {
    }

    private NormalizerBench() {
    }

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        List<Sample> samples = samples();
        System.out.printf(Locale.ROOT, "NormalizerBench: %d calls per sample after %d warm-up calls; JVM %s, %d CPUs%n",
                iterations, warmup, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-34s %8s %8s %9s %9s %9s%n", "sample", "bytes", "tickets", "p50 µs", "p95 µs", "p99 µs");
        long sink = 0;
        for (Sample sample : samples) {
            boolean large = sample.payload().body().length() > 100_000;
            int sampleWarmup = large ? Math.max(20, warmup / 100) : warmup;
            int sampleIterations = large ? Math.max(50, iterations / 100) : iterations;
            for (int i = 0; i < sampleWarmup; i++) {
                sink += sample.normalizer().normalize(sample.payload()).size();
            }
            long[] nanos = new long[sampleIterations];
            int tickets = 0;
            for (int i = 0; i < sampleIterations; i++) {
                long start = System.nanoTime();
                tickets = sample.normalizer().normalize(sample.payload()).size();
                nanos[i] = System.nanoTime() - start;
            }
            sink += tickets;
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "%-34s %8d %8d %9.1f %9.1f %9.1f%n", sample.name(),
                    sample.payload().body().length(), tickets, micros(nanos, 0.50), micros(nanos, 0.95), micros(nanos, 0.99));
        }
        System.out.println("(checksum " + sink + ")");
    }

    private static List<Sample> samples() {
        List<Sample> samples = new ArrayList<>();
        add(samples, new ZendeskNormalizer(), "event-ticket-created.json");
        add(samples, new ZendeskNormalizer(), "tickets-page.json");
        add(samples, new ServiceNowNormalizer(), "incident-list.json");
        add(samples, new SalesforceNormalizer(), "case.json");
        add(samples, new SalesforceNormalizer(), "outbound-message.xml");
        add(samples, new KaseyaBmsNormalizer(), "tickets-page.json");
        add(samples, new ConnectWiseNormalizer(), "ticket.json");
        add(samples, new ConnectWiseNormalizer(), "callback-updated.json");
        add(samples, new AutotaskNormalizer(), "tickets-query.json");
        add(samples, new AutotaskNormalizer(), "webhook-update.json");
        String big = "{\"ticket\": {\"id\": 1, \"subject\": \"large\", \"description\": "
                + Payloads.json("<div>" + Payloads.largeText(1 << 20).replace("\n", "<br>") + "</div>") + "}}";
        samples.add(new Sample("zendesk 1 MiB HTML body", new ZendeskNormalizer(), Payloads.raw(PsaPlatform.ZENDESK, big)));
        return samples;
    }

    private static void add(List<Sample> samples, TicketNormalizer normalizer, String file) {
        samples.add(new Sample(normalizer.platform().slug() + " " + file, normalizer,
                Payloads.raw(normalizer.platform(), Payloads.read(normalizer.platform(), file))));
    }

    private static double micros(long[] sorted, double quantile) {
        int index = Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1_000.0;
    }
}
