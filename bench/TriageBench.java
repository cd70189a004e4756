import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Throughput and decision latency of the triage stage with only the local titan (a harness, not a test; started by
 * bench/run-triage.sh against a server on its embedded defaults). Trains the tenant from the first {@code --train}
 * rows of the dataset (category, urgency, impact: three models per decision) — by default through the connectors'
 * history import ({@code POST /api/v1/history}), which also fills the tenant's context memory, so every decision
 * searches a memory of {@code --train} past tickets as in production; {@code --via train} posts them to
 * {@code /api/v1/models/train} instead (models only, empty memory) — warms up, then posts {@code --n}
 * tickets (the dataset's last rows, newest externalIds) from {@code --c} client threads and waits until all are
 * TRIAGED. Figures come from the server's own timestamps in each ticket's status history, so client overhead does
 * not count:
 * <ul>
 * <li>stage throughput = n / (last TRIAGED − first QUEUED_FOR_TRIAGE): from the consumer taking the first
 *     {@code ticket-normalized} message to the last decision committed;</li>
 * <li>decision latency = TRIAGED − QUEUED_FOR_TRIAGE per ticket (the consumer's recording, deciding and storing,
 *     queueing in front of the consumer excluded); receipt latency = TRIAGED − RECEIVED (with the queue wait).</li>
 * </ul>
 * With {@code --server-pid} it also reports the server's CPU milliseconds per ticket over the run (intake, outboxes
 * and triage together), which unlike the rates does not depend on the shared machine's other load.
 * Environment: OMEGA_BENCH_KEY (the tenant's API key). JDK only: {@code java bench/TriageBench.java --url ... --csv ...}
 */
public class TriageBench {

    record Options(String url, Path csv, int n, int train, int c, int warmup, Path out, List<String> meta, long serverPid,
                   boolean history) {
    }

    record Timing(String id, Instant received, Instant queued, Instant triaged) {
    }

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static String auth;
    static String base;

    public static void main(String[] args) throws Exception {
        Options o = options(args);
        base = o.url();
        auth = "Bearer " + System.getenv("OMEGA_BENCH_KEY");
        viaHistory = o.history();
        if (!Files.exists(o.csv())) {
            System.out.println("SKIPPED: " + o.csv() + " not found");
            return;
        }
        List<List<String>> rows = csv(Files.readString(o.csv(), StandardCharsets.UTF_8));
        List<String> header = rows.remove(0);
        int title = header.indexOf("title");
        int body = header.indexOf("body");
        int category = header.indexOf("category");
        int urgency = header.indexOf("urgency");
        int impact = header.indexOf("impact");

        long t0 = System.nanoTime();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < Math.min(o.train(), rows.size()); i++) {
            List<String> r = rows.get(i);
            part.append("{\"externalId\":\"train-").append(i).append("\",\"title\":").append(quote(r.get(title)))
                    .append(",\"body\":").append(quote(r.get(body))).append(",\"labels\":{\"category\":")
                    .append(quote(r.get(category))).append(",\"urgency\":").append(quote(r.get(urgency)))
                    .append(",\"impact\":").append(quote(r.get(impact))).append("}}\n");
            if (part.length() > 800_000) {
                train(part.toString());
                part.setLength(0);
            }
        }
        if (part.length() > 0) {
            train(part.toString());
        }
        int trained = Math.min(o.train(), rows.size());
        await("models trained", Duration.ofMinutes(20), () -> {
            String m = get("/api/v1/models");
            return m.contains("\"training\":false") && count(m, "\"version\"") >= 3
                    && minTrainingSize(m) >= trained;
        });
        if (o.history()) {
            // context memory has the last imported row once a search for its text finds it
            List<String> last = rows.get(trained - 1);
            String probe = "{\"text\":" + quote(last.get(title) + "\n" + last.get(body)) + ",\"limit\":10}";
            await("context memory holds the history", Duration.ofMinutes(20),
                    () -> post("/api/v1/context/search", probe).contains("train-" + (trained - 1) + "\""));
        }
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        log("trained 3 models on " + Math.min(o.train(), rows.size()) + " tickets in "
                + String.format(Locale.ROOT, "%.1f s", trainSeconds));

        List<String> warm = post(rows, o.warmup(), "warm", title, body, o.c());
        awaitTriaged(warm.size());
        log("warm-up: " + warm.size() + " tickets triaged");

        long p0 = System.nanoTime();
        double cpu0 = cpuSeconds(o.serverPid());
        List<String> ids = post(rows, o.n(), "run", title, body, o.c());
        double postSeconds = (System.nanoTime() - p0) / 1e9;
        awaitTriaged(warm.size() + ids.size());
        double serverCpuMsPerTicket = (cpuSeconds(o.serverPid()) - cpu0) * 1000 / o.n();
        log("posted " + ids.size() + " tickets in " + String.format(Locale.ROOT, "%.1f s", postSeconds)
                + "; all triaged; reading their status histories");

        List<Timing> timings = timings(ids, o.c());
        Instant firstQueued = timings.stream().map(Timing::queued).min(Instant::compareTo).orElseThrow();
        Instant firstReceived = timings.stream().map(Timing::received).min(Instant::compareTo).orElseThrow();
        Instant lastTriaged = timings.stream().map(Timing::triaged).max(Instant::compareTo).orElseThrow();
        double stageSeconds = Duration.between(firstQueued, lastTriaged).toNanos() / 1e9;
        double wholeSeconds = Duration.between(firstReceived, lastTriaged).toNanos() / 1e9;
        List<Double> decision = new ArrayList<>();
        List<Double> receipt = new ArrayList<>();
        for (Timing t : timings) {
            decision.add(Duration.between(t.queued(), t.triaged()).toNanos() / 1e6);
            receipt.add(Duration.between(t.received(), t.triaged()).toNanos() / 1e6);
        }
        Collections.sort(decision);
        Collections.sort(receipt);
        String json = String.format(Locale.ROOT, "{\"tickets\":%d,\"train_tickets\":%d,\"train_s\":%.1f,"
                        + "\"post_s\":%.2f,\"stage_s\":%.2f,\"stage_per_s\":%.1f,\"receipt_to_triaged_per_s\":%.1f,"
                        + "\"decision_ms\":{\"p50\":%.1f,\"p95\":%.1f,\"p99\":%.1f,\"max\":%.1f},"
                        + "\"receipt_to_triaged_ms\":{\"p50\":%.1f,\"p95\":%.1f},\"server_cpu_ms_per_ticket\":%.2f%s}",
                ids.size(), Math.min(o.train(), rows.size()), trainSeconds, postSeconds, stageSeconds,
                ids.size() / stageSeconds, ids.size() / wholeSeconds, pct(decision, 50), pct(decision, 95),
                pct(decision, 99), decision.get(decision.size() - 1), pct(receipt, 50), pct(receipt, 95), serverCpuMsPerTicket, meta(o.meta()));
        System.out.println(json);
        if (o.out() != null) {
            Files.createDirectories(o.out().toAbsolutePath().getParent());
            Files.writeString(o.out(), json + "\n");
        }
    }

    /**
     * @return the server process's CPU seconds so far (utime + stime from /proc, 100 ticks/s), NaN without a pid: what
     * intake, outbox and triage of the posted tickets cost, whatever else the shared machine runs
     */
    static double cpuSeconds(long pid) throws IOException {
        if (pid <= 0) {
            return Double.NaN;
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }

    static boolean viaHistory = true;

    /** @return the smallest trainingSize of the tenant's models (0 without any) */
    static int minTrainingSize(String models) {
        Matcher m = Pattern.compile("\"trainingSize\":(\\d+)").matcher(models);
        int min = Integer.MAX_VALUE;
        while (m.find()) {
            min = Math.min(min, Integer.parseInt(m.group(1)));
        }
        return min == Integer.MAX_VALUE ? 0 : min;
    }

    static String post(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static void train(String ndjson) throws Exception {
        String path = viaHistory ? "/api/v1/history" : "/api/v1/models/train";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofMinutes(5)).header("Authorization", auth).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        if (viaHistory) {
            String job = field(r.body(), "id");
            await("history import " + job, Duration.ofMinutes(20),
                    () -> field(get("/api/v1/history/" + job), "status").equals("DONE"));
        }
    }

    /** Posts n tickets (the dataset's rows from the end, cycling), c at a time. @return their ids */
    static List<String> post(List<List<String>> rows, int n, String prefix, int title, int body, int c) throws Exception {
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        String run = Long.toString(System.currentTimeMillis(), 36);
        parallel(c, () -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                List<String> r = rows.get(rows.size() - 1 - (i % rows.size()));
                String json = "{\"externalId\":\"" + prefix + "-" + run + "-" + i + "\",\"source\":\"bench\",\"title\":"
                        + quote(r.get(title).isBlank() ? "(no title)" : r.get(title)) + ",\"body\":" + quote(r.get(body))
                        + ",\"requester\":\"Dana Bench\",\"client\":"
                        + "\"bench-client\",\"createdAt\":\"" + Instant.now() + "\"}";
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tickets"))
                        .timeout(Duration.ofSeconds(60)).header("Authorization", auth)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 202) {
                    throw new IllegalStateException("POST /api/v1/tickets answered " + answer.statusCode() + ": "
                            + answer.body());
                }
                ids.add(field(answer.body(), "id"));
            }
            return null;
        });
        return new ArrayList<>(ids);
    }

    static void awaitTriaged(int total) throws Exception {
        await(total + " tickets TRIAGED", Duration.ofMinutes(30), () ->
                Long.parseLong(field(get("/api/v1/tickets?status=TRIAGED&page=0&size=1"), "total")) >= total);
    }

    static List<Timing> timings(List<String> ids, int c) throws Exception {
        ConcurrentLinkedQueue<Timing> timings = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        Pattern object = Pattern.compile("\\{[^{}]*\\}");
        Pattern status = Pattern.compile("\"status\":\"([A-Z_]+)\"");
        Pattern at = Pattern.compile("\"at\":\"([^\"]+)\"");
        parallel(c, () -> {
            for (int i = next.getAndIncrement(); i < ids.size(); i = next.getAndIncrement()) {
                String ticket = get("/api/v1/tickets/" + ids.get(i));
                Instant received = null;
                Instant queued = null;
                Instant triaged = null;
                Matcher m = object.matcher(ticket);
                while (m.find()) {
                    Matcher s = status.matcher(m.group());
                    Matcher a = at.matcher(m.group());
                    if (!s.find() || !a.find()) {
                        continue;
                    }
                    Instant when = Instant.parse(a.group(1));
                    switch (s.group(1)) {
                        case "RECEIVED" -> received = received == null ? when : received;
                        case "QUEUED_FOR_TRIAGE" -> queued = queued == null ? when : queued;
                        case "TRIAGED" -> triaged = triaged == null ? when : triaged;
                        default -> { }
                    }
                }
                if (received == null || queued == null || triaged == null) {
                    throw new IllegalStateException("ticket " + ids.get(i) + " lacks a status: " + ticket);
                }
                timings.add(new Timing(ids.get(i), received, queued, triaged));
            }
            return null;
        });
        return new ArrayList<>(timings);
    }

    static void parallel(int c, java.util.concurrent.Callable<Void> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(c);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int t = 0; t < c; t++) {
                done.add(pool.submit(work));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    interface Check {
        boolean done() throws Exception;
    }

    static void await(String what, Duration timeout, Check check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.done()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not reached within " + timeout + ": " + what);
            }
            Thread.sleep(1000); // the figures come from server timestamps; polling less leaves the server alone
        }
    }

    static String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", auth).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static String meta(List<String> meta) {
        StringBuilder s = new StringBuilder();
        for (String m : meta) {
            int eq = m.indexOf('=');
            s.append(",").append(quote(m.substring(0, eq))).append(":").append(quote(m.substring(eq + 1)));
        }
        return s.toString();
    }

    static void log(String s) {
        System.err.println("[triage-bench " + Instant.now() + "] " + s);
    }

    static Options options(String[] args) {
        String url = "http://localhost:9080";
        Path csv = Path.of("../shared/datasets/endava-tickets-subset.csv");
        int n = 2000;
        int train = 2000;
        int c = 8;
        int warmup = 300;
        Path out = null;
        List<String> meta = new ArrayList<>();
        long serverPid = 0;
        boolean history = true;
        for (int i = 0; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--url" -> url = v;
                case "--csv" -> csv = Path.of(v);
                case "--n" -> n = Integer.parseInt(v);
                case "--train" -> train = Integer.parseInt(v);
                case "--c" -> c = Integer.parseInt(v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--out" -> out = Path.of(v);
                case "--meta" -> meta.add(v);
                case "--server-pid" -> serverPid = Long.parseLong(v);
                case "--via" -> history = switch (v) {
                    case "history" -> true;
                    case "train" -> false;
                    default -> throw new IllegalArgumentException("--via history|train, not " + v);
                };
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new Options(url, csv, n, train, c, warmup, out, meta, serverPid, history);
    }

    /** RFC 4180: quoted fields, doubled quotes, line breaks inside quotes. */
    static List<List<String>> csv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                if (record.size() > 1 || !record.get(0).isEmpty()) {
                    records.add(record);
                }
                record = new ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> q.append(ch < 0x20 ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
            }
        }
        return q.append('"').toString();
    }
}
