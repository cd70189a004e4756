import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * Load benchmark for OMEGA's ticket intake ({@code POST /api/v1/tickets}).
 *
 * <p>Single file, JDK only; run with the source launcher:
 *
 * <pre>
 *   java bench/IntakeBench.java --url http://localhost:9080 --key &lt;api key&gt; --n 10000 --c 32
 * </pre>
 *
 * <p>Phases: preflight (auth + baseline counts) → warm-up (not measured; waits for it to drain) → N measured
 * POSTs from C synchronous workers → poll {@code GET /api/v1/tickets?status=QUEUED_FOR_TRIAGE&page=0&size=1}
 * every 100 ms until the tenant's {@code total} grew by the number of accepted tickets → check a few tickets
 * individually → summary + one JSON line (also written to {@code --out}). See bench/README.md.
 */
public class IntakeBench {

    static final String QUEUED = "QUEUED_FOR_TRIAGE";
    static final String RECEIVED = "RECEIVED";
    static final long POLL_INTERVAL_MS = 100;
    static final int MAX_ERROR_SAMPLES = 5;
    static final int MAX_CONSECUTIVE_POLL_FAILURES = 100;
    static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public static void main(String[] args) {
        int code;
        try {
            code = run(args);
        } catch (UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println();
            System.err.println(USAGE);
            code = 2;
        } catch (FatalException e) {
            System.err.println("error: " + e.getMessage());
            code = 2;
        } catch (InterruptedException e) {
            System.err.println("interrupted");
            code = 130;
        }
        System.exit(code);
    }

    static final String USAGE = """
            usage: java bench/IntakeBench.java --key <api key> [options]
              --url <http://localhost:9080>  OMEGA base URL; loopback only (localhost, 127.0.0.1, [::1])
              --key <api key>                bearer API key (or env OMEGA_BENCH_KEY)
              --n <10000>                    measured tickets (1..1000000)
              --c <32>                       concurrent workers (1..1024)
              --warmup <500>                 warm-up tickets, not measured (0..100000)
              --source <bench-xxxxxxxx>      ticket source for this run (default: fresh random)
              --out <file.json>              also write the JSON result there
              --drain-timeout <300>          seconds to wait for all tickets to reach QUEUED_FOR_TRIAGE
              --request-timeout <30>         seconds per HTTP request
              --max-send <1800>              seconds; stop issuing new POSTs after this (counted as not sent)
              --seed <random>                seed for ticket content (printed; reuse to repeat bodies)
              --verify <5>                   accepted tickets to re-read via GET /api/v1/tickets/{id} (0..100)
              --meta key=value               extra label copied into the JSON result (repeatable)""";

    // ------------------------------------------------------------------------------------------ options

    record Options(URI base, String key, int n, int c, int warmup, String source, Path out, int drainTimeoutS,
            int requestTimeoutS, int maxSendS, long seed, int verify, Map<String, String> meta) {
    }

    static Options parse(String[] args) throws UsageException {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        Set<String> known = Set.of("url", "key", "n", "c", "warmup", "source", "out", "drain-timeout",
                "request-timeout", "max-send", "seed", "verify", "meta");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                System.out.println(USAGE);
                System.exit(0);
            }
            if (!a.startsWith("--")) {
                throw new UsageException("unexpected argument '" + a + "'");
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else {
                if (i + 1 >= args.length) {
                    throw new UsageException("--" + name + " needs a value");
                }
                value = args[++i];
            }
            if (!known.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
            if (name.equals("meta")) {
                int e = value.indexOf('=');
                if (e <= 0) {
                    throw new UsageException("--meta expects key=value");
                }
                meta.put(value.substring(0, e), value.substring(e + 1));
            } else {
                values.put(name, value);
            }
        }
        URI base = loopbackBase(values.getOrDefault("url", "http://localhost:9080"));
        String key = values.get("key");
        if (key == null || key.isBlank()) {
            key = System.getenv("OMEGA_BENCH_KEY");
        }
        if (key == null || key.isBlank()) {
            throw new UsageException("--key is required (or set OMEGA_BENCH_KEY)");
        }
        int n = intOpt(values, "n", 10000, 1, 1_000_000);
        int c = intOpt(values, "c", 32, 1, 1024);
        int warmup = intOpt(values, "warmup", 500, 0, 100_000);
        int drain = intOpt(values, "drain-timeout", 300, 1, 86_400);
        int reqTimeout = intOpt(values, "request-timeout", 30, 1, 600);
        int maxSend = intOpt(values, "max-send", 1800, 1, 86_400);
        int verify = intOpt(values, "verify", 5, 0, 100);
        SecureRandom random = new SecureRandom();
        String source = values.get("source");
        if (source == null) {
            source = "bench-" + String.format("%08x", random.nextInt());
        }
        if (!SOURCE.matcher(source).matches()) {
            throw new UsageException("--source must match " + SOURCE.pattern() + " (the server's rule)");
        }
        long seed;
        try {
            seed = values.containsKey("seed") ? Long.parseLong(values.get("seed")) : random.nextLong();
        } catch (NumberFormatException e) {
            throw new UsageException("--seed must be a long");
        }
        Path out = values.containsKey("out") ? Path.of(values.get("out")) : null;
        return new Options(base, key.trim(), n, c, warmup, source, out, drain, reqTimeout, maxSend, seed, verify,
                meta);
    }

    static int intOpt(Map<String, String> values, String name, int def, int min, int max) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return def;
        }
        try {
            int i = Integer.parseInt(v.trim());
            if (i < min || i > max) {
                throw new UsageException("--" + name + " must be between " + min + " and " + max);
            }
            return i;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be an integer");
        }
    }

    /** Accepts only http(s) URLs whose host is localhost, 127.0.0.1 or [::1] and resolves to loopback. */
    static URI loopbackBase(String url) throws UsageException {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new UsageException("--url is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new UsageException("--url must start with http:// or https://");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!host.equals("localhost") && !host.equals("127.0.0.1") && !host.equals("[::1]")) {
            throw new UsageException("refusing --url host '" + (uri.getHost() == null ? uri.getAuthority() : uri.getHost())
                    + "': only localhost, 127.0.0.1 or [::1] may be benchmarked");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new UsageException("--url must not carry user info, a query or a fragment");
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host.equals("[::1]") ? "::1" : host)) {
                if (!address.isLoopbackAddress()) {
                    throw new UsageException("refusing --url: '" + host + "' resolves to non-loopback " + address);
                }
            }
        } catch (UnknownHostException e) {
            throw new UsageException("cannot resolve " + host);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    // ------------------------------------------------------------------------------------------ run

    static int run(String[] args) throws UsageException, FatalException, InterruptedException {
        Options o = parse(args);
        String runId = String.format("%08x", new SecureRandom().nextInt());
        Instant startedAt = Instant.now();
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(Math.min(10, o.requestTimeoutS())))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        Api api = new Api(client, o);

        log("OMEGA intake benchmark: url=%s n=%d c=%d warmup=%d source=%s run=%s seed=%d", o.base(), o.n(), o.c(),
                o.warmup(), o.source(), runId, o.seed());

        // preflight: credentials, list endpoint, baseline counts
        long queued0 = api.totalOrFail(QUEUED);
        long received0 = api.totalOrFail(RECEIVED);
        log("preflight: tenant has %d tickets QUEUED_FOR_TRIAGE and %d RECEIVED", queued0, received0);
        List<String> warnings = new ArrayList<>();
        if (received0 > 0) {
            warnings.add(received0 + " ticket(s) of this tenant were already RECEIVED before the run; if they move"
                    + " to QUEUED_FOR_TRIAGE during the run the drain measurement ends early (run on a quiet server)");
            log("WARNING: %s", warnings.get(warnings.size() - 1));
        }

        // warm-up
        long baseline = queued0;
        long warmupAccepted = 0;
        if (o.warmup() > 0) {
            log("warm-up: %d tickets", o.warmup());
            Phase warm = sendPhase(api, o, runId, "w", o.warmup(), 0);
            warmupAccepted = warm.accepted.sum();
            log("warm-up: %d accepted (202) in %.1f s, %d errors", warmupAccepted, warm.sendSeconds(),
                    warm.httpErrors.sum() + warm.transportErrors.sum());
            if (warmupAccepted == 0) {
                warm.printErrors(System.err);
                throw new FatalException("no warm-up ticket was accepted; not starting the measured run");
            }
            long target = queued0 + warmupAccepted;
            Drain d = drain(api, target, System.nanoTime(), System.nanoTime(), o.drainTimeoutS(), "warm-up");
            if (d.complete) {
                baseline = Math.max(target, d.lastTotal);
                if (d.lastTotal > target) {
                    warnings.add("QUEUED_FOR_TRIAGE grew by " + (d.lastTotal - target)
                            + " more than the warm-up explains: something else is writing to this tenant");
                    log("WARNING: %s", warnings.get(warnings.size() - 1));
                }
            } else {
                baseline = target; // the remaining warm-up tickets must still arrive before ours count
                warnings.add("warm-up did not drain within " + o.drainTimeoutS() + " s (" + d.lastTotal + "/" + target
                        + "); its stragglers are included in the measured drain");
                log("WARNING: %s", warnings.get(warnings.size() - 1));
            }
        }

        // measured run
        log("measured: %d tickets with %d workers", o.n(), o.c());
        Phase m = sendPhase(api, o, runId, "m", o.n(), o.verify());
        long accepted = m.accepted.sum();
        long target = baseline + accepted;
        Drain d = accepted == 0 ? null
                : drain(api, target, m.firstSend.get(), m.lastEnd.get(), o.drainTimeoutS(), "measured");

        // spot check: a few accepted tickets, read one by one
        int verified = 0;
        List<String> verifyProblems = new ArrayList<>();
        List<Map.Entry<Integer, String>> sample = new ArrayList<>(new TreeMap<>(m.sampleIds).entrySet());
        for (Map.Entry<Integer, String> e : sample) {
            String problem = api.checkTicket(e.getValue());
            if (problem == null) {
                verified++;
            } else {
                verifyProblems.add("ticket #" + e.getKey() + " " + e.getValue() + ": " + problem);
            }
        }

        Map<String, Object> result = result(o, runId, startedAt, queued0, received0, warmupAccepted, baseline, m,
                d, sample.size(), verified, verifyProblems, warnings);
        boolean ok = accepted == o.n() && d != null && d.complete && verified == sample.size();
        result.put("ok", ok);

        printSummary(o, m, d, result, verifyProblems, warnings);
        String json = JsonOut.write(result);
        System.out.println(json);
        if (o.out() != null) {
            try {
                Path parent = o.out().toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(o.out(), json + "\n", StandardCharsets.UTF_8);
                log("wrote %s", o.out());
            } catch (IOException e) {
                log("could not write %s: %s", o.out(), e);
                return 1;
            }
        }
        return ok ? 0 : 1;
    }

    // ------------------------------------------------------------------------------------------ sending

    /** Counters of one sending phase; latencies in ns per ticket index, -1 when not a 202. */
    static final class Phase {
        final long[] latencies;
        final LongAdder accepted = new LongAdder();
        final LongAdder duplicates = new LongAdder();
        final LongAdder httpErrors = new LongAdder();
        final LongAdder transportErrors = new LongAdder();
        final AtomicInteger sent = new AtomicInteger();
        final Map<Integer, LongAdder> statusCounts = new ConcurrentHashMap<>();
        final List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger errorSampleSlots = new AtomicInteger(MAX_ERROR_SAMPLES);
        final LongAccumulator firstSend = new LongAccumulator(Math::min, Long.MAX_VALUE);
        final LongAccumulator lastEnd = new LongAccumulator(Math::max, Long.MIN_VALUE);
        final LongAccumulator minBytes = new LongAccumulator(Math::min, Long.MAX_VALUE);
        final LongAccumulator maxBytes = new LongAccumulator(Math::max, 0);
        final LongAdder sumBytes = new LongAdder();
        final Map<Integer, String> sampleIds = new ConcurrentHashMap<>();
        final AtomicBoolean stoppedByTime = new AtomicBoolean();
        boolean workersFinished;

        Phase(int count) {
            latencies = new long[count];
            Arrays.fill(latencies, -1);
        }

        double sendSeconds() {
            long first = firstSend.get();
            long last = lastEnd.get();
            return first == Long.MAX_VALUE || last < first ? 0 : (last - first) / 1e9;
        }

        void error(String sample) {
            if (errorSampleSlots.getAndDecrement() > 0) {
                errorSamples.add(sample);
            }
        }

        void printErrors(java.io.PrintStream out) {
            synchronized (errorSamples) {
                for (String s : errorSamples) {
                    out.println("  " + s);
                }
            }
        }
    }

    static Phase sendPhase(Api api, Options o, String runId, String tag, int count, int sampleCount)
            throws InterruptedException {
        Phase phase = new Phase(count);
        Set<Integer> sampleIdx = sampleIndices(count, sampleCount);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int step = Math.max(1, count / 10);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(o.maxSendS());
        Tickets tickets = new Tickets(o.seed(), o.source(), runId, tag);
        ExecutorService pool = Executors.newFixedThreadPool(o.c(), r -> {
            Thread t = new Thread(r, "bench-" + tag);
            t.setDaemon(true);
            return t;
        });
        for (int w = 0; w < o.c(); w++) {
            pool.execute(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    if (System.nanoTime() - deadline > 0) {
                        phase.stoppedByTime.set(true);
                        return;
                    }
                    int i = next.getAndIncrement();
                    if (i >= count) {
                        return;
                    }
                    byte[] body = tickets.json(i).getBytes(StandardCharsets.UTF_8);
                    phase.minBytes.accumulate(body.length);
                    phase.maxBytes.accumulate(body.length);
                    phase.sumBytes.add(body.length);
                    phase.sent.incrementAndGet();
                    long start = System.nanoTime();
                    phase.firstSend.accumulate(start);
                    try {
                        HttpResponse<String> r = api.post(body);
                        long end = System.nanoTime();
                        phase.lastEnd.accumulate(end);
                        int status = r.statusCode();
                        phase.statusCounts.computeIfAbsent(status, k -> new LongAdder()).increment();
                        if (status == 202) {
                            phase.latencies[i] = end - start;
                            phase.accepted.increment();
                            if (sampleIdx.contains(i)) {
                                Object id = Json.field(Json.parseOrNull(r.body()), "id");
                                if (id instanceof String s) {
                                    phase.sampleIds.put(i, s);
                                }
                            }
                        } else if (status == 200) {
                            phase.duplicates.increment(); // (source, externalId) already known: not new
                        } else {
                            phase.httpErrors.increment();
                            phase.error("HTTP " + status + ": " + abbreviate(r.body(), 400));
                        }
                    } catch (IOException e) {
                        phase.lastEnd.accumulate(System.nanoTime());
                        phase.transportErrors.increment();
                        phase.error("transport: " + e);
                    } catch (InterruptedException e) {
                        return;
                    }
                    int d = done.incrementAndGet();
                    if (d % step == 0 && count >= 100) {
                        log("  %s: %d/%d", tag.equals("w") ? "warm-up" : "measured", d, count);
                    }
                }
            });
        }
        pool.shutdown();
        // every request is bounded by --request-timeout, issuing new ones by --max-send
        long waitS = o.maxSendS() + 2L * o.requestTimeoutS() + 30;
        phase.workersFinished = pool.awaitTermination(waitS, TimeUnit.SECONDS);
        if (!phase.workersFinished) {
            pool.shutdownNow();
            log("WARNING: workers still busy after %d s; abandoned", waitS);
        }
        return phase;
    }

    static Set<Integer> sampleIndices(int count, int k) {
        Set<Integer> s = new HashSet<>();
        if (k <= 0) {
            return s;
        }
        s.add(0);
        s.add(count - 1);
        for (int j = 1; j < k - 1; j++) {
            s.add((int) ((long) count * j / (k - 1)));
        }
        while (s.size() > Math.min(k, count)) {
            s.remove(s.iterator().next());
        }
        return s;
    }

    // ------------------------------------------------------------------------------------------ draining

    static final class Drain {
        boolean complete;
        long lastTotal = -1;
        long completedAtNanos;
        long firstPollTotal = -1;
        int polls;
        int pollFailures;
        double allQueuedSeconds;  // from the first POST
        double afterLastPostSeconds;
    }

    /**
     * Polls the QUEUED_FOR_TRIAGE total every 100 ms until it reaches target or the timeout (counted from the
     * end of sending) passes.
     */
    static Drain drain(Api api, long target, long firstSendNanos, long lastEndNanos, int timeoutS, String label)
            throws InterruptedException {
        Drain d = new Drain();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(timeoutS);
        long nextProgress = start + TimeUnit.SECONDS.toNanos(5);
        int consecutiveFailures = 0;
        long maxPolls = timeoutS * (1000 / POLL_INTERVAL_MS) + 10;
        for (long k = 0; k < maxPolls; k++) {
            long pollAt = start + TimeUnit.MILLISECONDS.toNanos(POLL_INTERVAL_MS * k);
            long wait = pollAt - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (System.nanoTime() - deadline > 0) {
                break;
            }
            d.polls++;
            long total = api.total(QUEUED);
            long now = System.nanoTime();
            if (total < 0) {
                d.pollFailures++;
                if (++consecutiveFailures >= MAX_CONSECUTIVE_POLL_FAILURES) {
                    log("%s drain: %d polls in a row failed; giving up", label, consecutiveFailures);
                    break;
                }
                continue;
            }
            consecutiveFailures = 0;
            d.lastTotal = total;
            if (d.firstPollTotal < 0) {
                d.firstPollTotal = total;
            }
            if (total >= target) {
                d.complete = true;
                d.completedAtNanos = now;
                d.allQueuedSeconds = (now - firstSendNanos) / 1e9;
                d.afterLastPostSeconds = Math.max(0, (now - lastEndNanos) / 1e9);
                return d;
            }
            if (now - nextProgress > 0) {
                log("  %s drain: %d still to reach QUEUED_FOR_TRIAGE", label, target - total);
                nextProgress = now + TimeUnit.SECONDS.toNanos(5);
            }
        }
        log("%s drain: NOT complete after %d s (%d of target %d)", label, timeoutS, d.lastTotal, target);
        return d;
    }

    // ------------------------------------------------------------------------------------------ HTTP

    static final class Api {
        final HttpClient client;
        final Options o;
        final String auth;
        int pollErrorsLogged;

        Api(HttpClient client, Options o) {
            this.client = client;
            this.o = o;
            this.auth = "Bearer " + o.key();
        }

        HttpResponse<String> post(byte[] body) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(o.base() + "/api/v1/tickets"))
                    .timeout(Duration.ofSeconds(o.requestTimeoutS()))
                    .header("Authorization", auth)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(o.base() + pathAndQuery))
                    .timeout(Duration.ofSeconds(Math.min(10, o.requestTimeoutS())))
                    .header("Authorization", auth)
                    .header("Accept", "application/json")
                    .GET()
                    .build();
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        /** The tenant's total for a status, or -1 on any failure (logged a few times). */
        long total(String status) throws InterruptedException {
            try {
                HttpResponse<String> r = get("/api/v1/tickets?status=" + status + "&page=0&size=1");
                if (r.statusCode() == 200 && Json.field(Json.parseOrNull(r.body()), "total") instanceof Number n) {
                    return n.longValue();
                }
                pollError("HTTP " + r.statusCode() + ": " + abbreviate(r.body(), 300));
            } catch (IOException e) {
                pollError(e.toString());
            }
            return -1;
        }

        long totalOrFail(String status) throws FatalException, InterruptedException {
            HttpResponse<String> r;
            try {
                r = get("/api/v1/tickets?status=" + status + "&page=0&size=1");
            } catch (IOException e) {
                throw new FatalException("cannot reach " + o.base() + ": " + e);
            }
            if (r.statusCode() == 401) {
                throw new FatalException("the API key was refused (401): " + abbreviate(r.body(), 300));
            }
            if (r.statusCode() != 200) {
                throw new FatalException("GET /api/v1/tickets answered " + r.statusCode() + ": "
                        + abbreviate(r.body(), 300));
            }
            if (Json.field(Json.parseOrNull(r.body()), "total") instanceof Number n) {
                return n.longValue();
            }
            throw new FatalException("no numeric 'total' in the list answer: " + abbreviate(r.body(), 300));
        }

        /** null when the ticket is QUEUED_FOR_TRIAGE with a history that shows it, else what is wrong. */
        String checkTicket(String id) throws InterruptedException {
            try {
                HttpResponse<String> r = get("/api/v1/tickets/" + id);
                if (r.statusCode() != 200) {
                    return "HTTP " + r.statusCode();
                }
                Object doc = Json.parseOrNull(r.body());
                Object status = Json.field(doc, "status");
                if (!QUEUED.equals(status)) {
                    return "status " + status;
                }
                if (!(Json.field(doc, "history") instanceof List<?> history)) {
                    return "no history";
                }
                boolean sawQueued = false;
                for (Object h : history) {
                    sawQueued |= QUEUED.equals(Json.field(h, "status"));
                }
                return sawQueued ? null : "history has no QUEUED_FOR_TRIAGE entry";
            } catch (IOException e) {
                return e.toString();
            }
        }

        private synchronized void pollError(String what) {
            if (pollErrorsLogged++ < MAX_ERROR_SAMPLES) {
                log("  poll failed: %s", what);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ tickets

    /** Deterministic ticket content per (seed, phase, index): same seed, same bodies, whatever the thread order. */
    static final class Tickets {
        static final String[] FIRST = {"Anna", "Ben", "Chloé", "David", "Elif", "Farid", "Greta", "Hiro", "Ines",
                "Jonas", "Katarzyna", "Liam", "Maya", "Noah", "Olga", "Pedro", "Quinn", "Rosa", "Søren", "Tariq"};
        static final String[] LAST = {"Müller", "Smith", "Rossi", "Nakamura", "Kowalski", "Okafor", "Dubois",
                "García", "Johansson", "Patel", "Yilmaz", "Novak", "O'Brien", "Schmidt", "Costa", "Lee"};
        static final String[] CLIENTS = {"Acme Logistics", "Northwind Traders", "Globex Health", "Initech Bank",
                "Umbrella Retail", "Stark Manufacturing", "Wayne Energy", "Hooli Cloud", "Contoso Legal",
                "Fabrikam Foods"};
        static final String[] DOMAINS = {"example.com", "example.org", "corp.example", "mail.example.net"};
        static final String[] PRODUCTS = {"the VPN", "Outlook", "the CRM", "SAP", "the HR portal", "Teams",
                "the billing system", "the warehouse scanner app", "SharePoint", "the customer portal"};
        static final String[] TITLES = {
                "Cannot log in to %P after password reset",
                "%P is extremely slow since this morning",
                "Error %E when exporting a report from %P",
                "Access request: shared drive for the %T team",
                "Invoice %N shows the wrong VAT rate",
                "Printer on floor %F is offline again",
                "New laptop needed for a starter in %T",
                "%P keeps disconnecting every few minutes",
                "Urgent: %P down for the whole %T team",
                "Question about licence renewal for %P",
                "MFA prompt loops forever on %P",
                "Data missing in %P after last night's update"};
        static final String[] SENTENCES = {
                "Since about %H:%M today I get error %E whenever I open %P.",
                "I already restarted my computer twice and cleared the browser cache, it did not help.",
                "Three colleagues in the %T team report the same behaviour.",
                "The problem started right after the update that was rolled out yesterday evening.",
                "We have a customer deadline on Friday, so this is blocking us.",
                "Attached you would normally find a screenshot; the message says 'session expired' (code %E).",
                "It works from home over the VPN but not from the office network on floor %F.",
                "Could you please also check whether order %N was processed correctly?",
                "The invoice was sent to the wrong cost centre (%N instead of %Q).",
                "My manager approved the request already, reference %N.",
                "This has happened on and off for a week, but today it is constant.",
                "I tried the workaround from the knowledge base article, without success.",
                "Please call me on extension %Q if you need more details.",
                "Nothing was changed on my side as far as I know.",
                "The log shows 'connection reset by peer' roughly every %F minutes."};
        static final String[] GREETINGS = {"Hello support,\n\n", "Hi team,\n\n", "Dear helpdesk,\n\n", "Hi,\n"};
        static final String[] TEAMS = {"finance", "sales", "support", "logistics", "marketing", "legal", "HR"};
        static final String[] PRIORITIES = {"low", "normal", "normal", "high", "urgent"};
        static final String[] CATEGORIES = {"access", "network", "billing", "hardware", "software", "request"};
        static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);
        static final ZoneOffset[] OFFSETS = {ZoneOffset.UTC, ZoneOffset.ofHours(1), ZoneOffset.ofHours(2),
                ZoneOffset.ofHours(-5), ZoneOffset.ofHoursMinutes(5, 30)};

        final long seed;
        final String source;
        final String runId;
        final String tag;
        final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        Tickets(long seed, String source, String runId, String tag) {
            this.seed = seed;
            this.source = source;
            this.runId = runId;
            this.tag = tag;
        }

        String json(int i) {
            SplittableRandom r = new SplittableRandom(seed * 31 + tag.hashCode() * 1_000_003L + i);
            String first = pick(r, FIRST);
            String last = pick(r, LAST);
            String requester = ascii(first).toLowerCase(Locale.ROOT) + "." + ascii(last).toLowerCase(Locale.ROOT)
                    + "@" + pick(r, DOMAINS);
            String title = fill(pick(r, TITLES), r);
            String created = CREATED_AT.format(now.minusSeconds(r.nextInt(72 * 3600)).atOffset(pick(r, OFFSETS)));
            String priority = r.nextInt(10) < 3 ? null : pick(r, PRIORITIES);
            String category = r.nextInt(10) < 4 ? null : pick(r, CATEGORIES);
            String externalId = runId + "-" + tag + "-" + i;
            int targetBytes = 320 + r.nextInt(481); // whole request ~300..800 bytes (trimmed to a word)

            String greeting = pick(r, GREETINGS);
            StringBuilder body = new StringBuilder(greeting);
            String signOff = "\n\nThanks,\n" + first + " " + last;
            String json = null;
            for (int guard = 0; guard < 40; guard++) {
                json = render(externalId, title, body + signOff, requester, pick(CLIENTS, i), created, priority,
                        category);
                if (utf8Length(json) >= targetBytes) {
                    break;
                }
                body.append(fill(pick(r, SENTENCES), r)).append(' ');
            }
            // trim the (ASCII) sentences back to the target; the greeting stays
            for (int guard = 0; guard < 40 && utf8Length(json) > targetBytes && body.length() > greeting.length();
                    guard++) {
                int excess = utf8Length(json) - targetBytes;
                int cut = Math.max(greeting.length(), body.length() - excess);
                int space = body.lastIndexOf(" ", cut);
                body.setLength(space > greeting.length() ? space : cut); // end on a word when possible
                json = render(externalId, title, body + signOff, requester, pick(CLIENTS, i), created, priority,
                        category);
            }
            return json;
        }

        String render(String externalId, String title, String body, String requester, String client,
                String createdAt, String priority, String category) {
            StringBuilder b = new StringBuilder(900).append('{');
            prop(b, "externalId", externalId).append(',');
            prop(b, "source", source).append(',');
            prop(b, "title", title).append(',');
            prop(b, "body", body).append(',');
            prop(b, "requester", requester).append(',');
            prop(b, "client", client).append(',');
            prop(b, "createdAt", createdAt);
            if (priority != null) {
                prop(b.append(','), "priority", priority);
            }
            if (category != null) {
                prop(b.append(','), "category", category);
            }
            return b.append('}').toString();
        }

        static StringBuilder prop(StringBuilder b, String name, String value) {
            return b.append('"').append(name).append("\":").append(JsonOut.quote(value));
        }

        static String fill(String template, SplittableRandom r) {
            return template
                    .replace("%P", pick(r, PRODUCTS))
                    .replace("%T", pick(r, TEAMS))
                    .replace("%E", "0x" + Integer.toHexString(0x1000 + r.nextInt(0xE000)).toUpperCase(Locale.ROOT))
                    .replace("%N", String.valueOf(100000 + r.nextInt(900000)))
                    .replace("%Q", String.valueOf(1000 + r.nextInt(9000)))
                    .replace("%F", String.valueOf(1 + r.nextInt(12)))
                    .replace("%H", String.format("%02d", 6 + r.nextInt(12)))
                    .replace("%M", String.format("%02d", r.nextInt(60)));
        }

        static String pick(SplittableRandom r, String[] a) {
            return a[r.nextInt(a.length)];
        }

        static ZoneOffset pick(SplittableRandom r, ZoneOffset[] a) {
            return a[r.nextInt(a.length)];
        }

        static String pick(String[] a, int i) {
            return a[Math.floorMod(i * 7 + 3, a.length)];
        }

        static String ascii(String s) {
            return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "");
        }
    }

    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            n += ch < 0x80 ? 1 : ch < 0x800 ? 2 : Character.isSurrogate(ch) ? 2 : 3;
        }
        return n;
    }

    // ------------------------------------------------------------------------------------------ results

    static Map<String, Object> result(Options o, String runId, Instant startedAt, long queued0, long received0,
            long warmupAccepted, long baseline, Phase m, Drain d, int verifyChecked, int verified,
            List<String> verifyProblems, List<String> warnings) {
        long accepted = m.accepted.sum();
        double sendS = m.sendSeconds();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("tool", "IntakeBench");
        r.put("version", 1);
        r.put("started_at", startedAt.toString());
        r.put("url", o.base().toString());
        r.put("source", o.source());
        r.put("run_id", runId);
        r.put("seed", o.seed());
        r.put("n", o.n());
        r.put("c", o.c());
        r.put("warmup", o.warmup());
        r.put("warmup_accepted", warmupAccepted);
        r.put("sent", m.sent.get());
        r.put("not_sent", o.n() - m.sent.get());
        r.put("accepted", accepted);
        r.put("duplicates", m.duplicates.sum());
        r.put("http_errors", m.httpErrors.sum());
        r.put("transport_errors", m.transportErrors.sum());
        Map<String, Object> codes = new TreeMap<>();
        m.statusCounts.forEach((k, v) -> codes.put(String.valueOf(k), v.sum()));
        r.put("status_counts", codes);
        r.put("send_s", round(sendS, 3));
        r.put("accepted_per_s", sendS > 0 ? round(accepted / sendS, 1) : null);

        long[] lat = Arrays.stream(m.latencies).filter(x -> x >= 0).sorted().toArray();
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("count", lat.length);
        if (lat.length > 0) {
            l.put("min", ms(lat[0]));
            l.put("p50", ms(percentile(lat, 50)));
            l.put("p95", ms(percentile(lat, 95)));
            l.put("p99", ms(percentile(lat, 99)));
            l.put("max", ms(lat[lat.length - 1]));
            l.put("mean", round(Arrays.stream(lat).average().orElse(0) / 1e6, 3));
        }
        r.put("latency_ms", l);

        Map<String, Object> bytes = new LinkedHashMap<>();
        if (m.sent.get() > 0) {
            bytes.put("min", m.minBytes.get());
            bytes.put("mean", round((double) m.sumBytes.sum() / m.sent.get(), 1));
            bytes.put("max", m.maxBytes.get());
        }
        r.put("request_bytes", bytes);

        Map<String, Object> dr = new LinkedHashMap<>();
        dr.put("queued_before_run", queued0);
        dr.put("received_before_run", received0);
        dr.put("baseline", baseline);
        dr.put("target", baseline + accepted);
        dr.put("timeout_s", o.drainTimeoutS());
        dr.put("poll_interval_ms", POLL_INTERVAL_MS);
        if (d != null) {
            dr.put("complete", d.complete);
            dr.put("all_queued_s", d.complete ? round(d.allQueuedSeconds, 3) : null);
            dr.put("after_last_post_s", d.complete ? round(d.afterLastPostSeconds, 3) : null);
            dr.put("queued_per_s", d.complete && d.allQueuedSeconds > 0 ? round(accepted / d.allQueuedSeconds, 1)
                    : null);
            dr.put("backlog_at_end_of_send", d.firstPollTotal < 0 ? null
                    : Math.max(0, baseline + accepted - d.firstPollTotal));
            dr.put("last_total", d.lastTotal);
            dr.put("polls", d.polls);
            dr.put("poll_failures", d.pollFailures);
        } else {
            dr.put("complete", false);
        }
        r.put("drain", dr);

        Map<String, Object> v = new LinkedHashMap<>();
        v.put("checked", verifyChecked);
        v.put("queued", verified);
        v.put("problems", verifyProblems);
        r.put("verify", v);
        synchronized (m.errorSamples) {
            r.put("error_samples", new ArrayList<>(m.errorSamples));
        }
        r.put("warnings", warnings);
        r.put("stopped_by_max_send", m.stoppedByTime.get());
        r.put("meta", o.meta());
        r.put("java", System.getProperty("java.version"));
        r.put("cpus", Runtime.getRuntime().availableProcessors());
        return r;
    }

    /** Nearest-rank percentile of sorted samples. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    static double ms(long nanos) {
        return round(nanos / 1e6, 3);
    }

    static double round(double v, int places) {
        return BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }

    @SuppressWarnings("unchecked")
    static void printSummary(Options o, Phase m, Drain d, Map<String, Object> r, List<String> verifyProblems,
            List<String> warnings) {
        Map<String, Object> l = (Map<String, Object>) r.get("latency_ms");
        Map<String, Object> dr = (Map<String, Object>) r.get("drain");
        Map<String, Object> b = (Map<String, Object>) r.get("request_bytes");
        System.out.println();
        System.out.println("=== OMEGA intake benchmark ===");
        System.out.printf("target          %s  (source %s, seed %s)%n", r.get("url"), r.get("source"), r.get("seed"));
        System.out.printf("load            n=%d  c=%d  warm-up=%d (%d accepted)%n", o.n(), o.c(), o.warmup(),
                r.get("warmup_accepted"));
        System.out.printf("requests        sent %s, accepted (202) %s, duplicate (200) %s, HTTP errors %s,"
                + " transport errors %s, not sent %s%n", r.get("sent"), r.get("accepted"), r.get("duplicates"),
                r.get("http_errors"), r.get("transport_errors"), r.get("not_sent"));
        System.out.printf("status codes    %s%n", r.get("status_counts"));
        if (!b.isEmpty()) {
            System.out.printf("request bytes   min %s / mean %s / max %s%n", b.get("min"), b.get("mean"), b.get("max"));
        }
        System.out.printf("throughput      %s accepted/s over %s s%n", r.get("accepted_per_s"), r.get("send_s"));
        if (((Number) l.get("count")).longValue() > 0) {
            System.out.printf("latency (202)   min %s  p50 %s  p95 %s  p99 %s  max %s ms  (mean %s, %s samples)%n",
                    l.get("min"), l.get("p50"), l.get("p95"), l.get("p99"), l.get("max"), l.get("mean"),
                    l.get("count"));
        }
        if (d != null && d.complete) {
            System.out.printf("drain           all %s accepted tickets QUEUED_FOR_TRIAGE %s s after the first POST"
                    + " (%s s after the last answer; backlog at end of sending %s; ~%s/s)%n", r.get("accepted"),
                    dr.get("all_queued_s"), dr.get("after_last_post_s"), dr.get("backlog_at_end_of_send"),
                    dr.get("queued_per_s"));
        } else {
            System.out.printf("drain           NOT complete: QUEUED_FOR_TRIAGE total %s, target %s (timeout %s s)%n",
                    dr.get("last_total"), dr.get("target"), dr.get("timeout_s"));
        }
        Map<String, Object> v = (Map<String, Object>) r.get("verify");
        System.out.printf("spot check      %s of %s tickets read back as QUEUED_FOR_TRIAGE%n", v.get("queued"),
                v.get("checked"));
        for (String p : verifyProblems) {
            System.out.println("  " + p);
        }
        if (!m.errorSamples.isEmpty()) {
            System.out.println("first errors:");
            m.printErrors(System.out);
        }
        for (String w : warnings) {
            System.out.println("warning: " + w);
        }
        System.out.println("result          " + (Boolean.TRUE.equals(r.get("ok")) ? "OK" : "NOT OK"));
        System.out.println();
    }

    // ------------------------------------------------------------------------------------------ helpers

    static void log(String format, Object... args) {
        System.err.printf("[%s] %s%n", Instant.now().truncatedTo(ChronoUnit.MILLIS),
                String.format(Locale.ROOT, format, args));
    }

    static String abbreviate(String s, int max) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ").trim();
        return one.length() <= max ? one : one.substring(0, max) + "…";
    }

    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static final class FatalException extends Exception {
        FatalException(String message) {
            super(message);
        }
    }

    /** A tiny JSON reader: objects → LinkedHashMap, arrays → ArrayList, numbers → Long/Double, depth-bounded. */
    static final class Json {
        private final String s;
        private int p;
        private int depth;

        private Json(String s) {
            this.s = s;
        }

        static Object parseOrNull(String text) {
            if (text == null) {
                return null;
            }
            try {
                Json j = new Json(text);
                j.ws();
                Object v = j.value();
                j.ws();
                return j.p == text.length() ? v : null;
            } catch (RuntimeException e) {
                return null;
            }
        }

        static Object field(Object doc, String name) {
            return doc instanceof Map<?, ?> m ? m.get(name) : null;
        }

        private Object value() {
            if (p >= s.length()) {
                throw new IllegalArgumentException("end of input");
            }
            char ch = s.charAt(p);
            switch (ch) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default:
                    return number();
            }
        }

        private Map<String, Object> object() {
            enter();
            Map<String, Object> m = new LinkedHashMap<>();
            p++;
            ws();
            if (peek() == '}') {
                p++;
                depth--;
                return m;
            }
            while (true) {
                ws();
                String k = string();
                ws();
                expect(':');
                ws();
                m.put(k, value());
                ws();
                char ch = next();
                if (ch == '}') {
                    depth--;
                    return m;
                }
                if (ch != ',') {
                    throw new IllegalArgumentException("expected , or }");
                }
            }
        }

        private List<Object> array() {
            enter();
            List<Object> a = new ArrayList<>();
            p++;
            ws();
            if (peek() == ']') {
                p++;
                depth--;
                return a;
            }
            while (true) {
                ws();
                a.add(value());
                ws();
                char ch = next();
                if (ch == ']') {
                    depth--;
                    return a;
                }
                if (ch != ',') {
                    throw new IllegalArgumentException("expected , or ]");
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char ch = next();
                if (ch == '"') {
                    return b.toString();
                }
                if (ch != '\\') {
                    b.append(ch);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (p + 4 > s.length()) {
                            throw new IllegalArgumentException("bad \\u escape");
                        }
                        b.append((char) Integer.parseInt(s.substring(p, p + 4), 16));
                        p += 4;
                    }
                    default -> throw new IllegalArgumentException("bad escape");
                }
            }
        }

        private Number number() {
            int start = p;
            while (p < s.length() && "+-0123456789.eE".indexOf(s.charAt(p)) >= 0) {
                p++;
            }
            String t = s.substring(start, p);
            if (t.isEmpty()) {
                throw new IllegalArgumentException("unexpected character");
            }
            if (t.indexOf('.') < 0 && t.indexOf('e') < 0 && t.indexOf('E') < 0) {
                try {
                    return Long.parseLong(t);
                } catch (NumberFormatException e) {
                    // too large for a long
                }
            }
            return Double.parseDouble(t);
        }

        private Object literal(String word, Object v) {
            if (!s.startsWith(word, p)) {
                throw new IllegalArgumentException("bad literal");
            }
            p += word.length();
            return v;
        }

        private void enter() {
            if (++depth > 64) {
                throw new IllegalArgumentException("too deep");
            }
        }

        private void ws() {
            while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
                p++;
            }
        }

        private char peek() {
            if (p >= s.length()) {
                throw new IllegalArgumentException("end of input");
            }
            return s.charAt(p);
        }

        private char next() {
            char ch = peek();
            p++;
            return ch;
        }

        private void expect(char ch) {
            if (next() != ch) {
                throw new IllegalArgumentException("expected " + ch);
            }
        }
    }

    /** A tiny JSON writer for the result (maps, lists, strings, numbers, booleans, null). */
    static final class JsonOut {
        static String write(Object v) {
            StringBuilder b = new StringBuilder();
            write(b, v);
            return b.toString();
        }

        static void write(StringBuilder b, Object v) {
            if (v == null) {
                b.append("null");
            } else if (v instanceof String s) {
                b.append(quote(s));
            } else if (v instanceof Double d) {
                b.append(d.isNaN() || d.isInfinite() ? "null" : BigDecimal.valueOf(d).stripTrailingZeros()
                        .toPlainString());
            } else if (v instanceof Number || v instanceof Boolean) {
                b.append(v);
            } else if (v instanceof Map<?, ?> m) {
                b.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) {
                        b.append(',');
                    }
                    first = false;
                    b.append(quote(String.valueOf(e.getKey()))).append(':');
                    write(b, e.getValue());
                }
                b.append('}');
            } else if (v instanceof Iterable<?> it) {
                b.append('[');
                boolean first = true;
                for (Object o : it) {
                    if (!first) {
                        b.append(',');
                    }
                    first = false;
                    write(b, o);
                }
                b.append(']');
            } else {
                b.append(quote(v.toString()));
            }
        }

        static String quote(String s) {
            StringBuilder b = new StringBuilder(s.length() + 2).append('"');
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> {
                        if (ch < 0x20) {
                            b.append(String.format("\\u%04x", (int) ch));
                        } else {
                            b.append(ch);
                        }
                    }
                }
            }
            return b.append('"').toString();
        }
    }
}
