import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Connector benchmark: webhook intake throughput per platform, normalization latency (webhook 202 → the
 * ticket visible as QUEUED_FOR_TRIAGE) and history import rows/s. JDK only; run with the source launcher
 * against a local server whose tenant {@code demo} has no zendesk/salesforce connection yet (the bench
 * creates them):
 *
 * <pre>
 *   java bench/WebhookBench.java http://localhost:9080 &lt;api key&gt; [n per platform = 500] [c = 16] [history rows = 20000] [latency samples = 20] [server pid]
 * </pre>
 *
 * With the server's pid it also reports the server process's CPU milliseconds per accepted webhook (utime + stime
 * from /proc over the measured part), which unlike the rates does not depend on what else the machine runs.
 */
public class WebhookBench {

    // HTTP/1.1: the JDK client's h2c upgrade request can hang in Liberty under load (see the ITs' Api client);
    // with the default it stalled whole runs for up to the 60 s request timeout
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final String ZENDESK_SECRET = "bench-secret-" + UUID.randomUUID();
    static final String AUTOTASK_KEY = "bench-at-key-" + UUID.randomUUID();
    static final String SF_ORG = "00D5g000000BeNc";
    static String url;
    static String key;
    static long serverPid = -1;

    public static void main(String[] args) throws Exception {
        url = args[0];
        key = args[1];
        if (!URI.create(url).getHost().matches("localhost|127\\.0\\.0\\.1")) {
            throw new IllegalArgumentException("local servers only");
        }
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        int c = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        int historyRows = args.length > 4 ? Integer.parseInt(args[4]) : 20_000;
        int samples = args.length > 5 ? Integer.parseInt(args[5]) : 20;
        serverPid = args.length > 6 ? Long.parseLong(args[6]) : -1;
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (String p : List.of("zendesk", "salesforce", "autotask")) {
            HTTP.send(request("/api/v1/tenants/demo/connections/" + p).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
        post("/api/v1/tenants/demo/connections", "application/json", "{\"platform\":\"zendesk\",\"signingSecret\":\"" + ZENDESK_SECRET + "\"}", null);
        post("/api/v1/tenants/demo/connections", "application/json", "{\"platform\":\"salesforce\",\"organizationId\":\"" + SF_ORG + "\"}", null);
        post("/api/v1/tenants/demo/connections", "application/json", "{\"platform\":\"autotask\",\"signingSecret\":\"" + AUTOTASK_KEY + "\"}", null);
        System.out.printf(Locale.ROOT, "WebhookBench: n=%d per platform, c=%d, JVM %s, %d CPUs%n", n, c,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-12s %10s %9s %9s %9s %9s %12s %12s%n", "platform", "accepted/s", "p50 ms", "p95 ms", "max ms", "errors",
                "server CPU ms/webhook", "bench CPU ms/webhook");
        for (String platform : List.of("zendesk", "servicenow", "salesforce", "kaseya-bms", "connectwise", "autotask")) {
            intake(platform, run, n, c);
        }
        if (samples > 0) {
            latency(run, samples);
        }
        if (historyRows > 0) {
            history(run, historyRows);
        }
    }

    static void intake(String platform, String run, int n, int c) throws Exception {
        // warm-up: half as many again (at least 200), so the JIT compiler's work (on 2 cores a third of the CPU
        // in a short run) is mostly done before the measured part
        for (int i = 0, warm = Math.max(200, n / 2); i < warm; i++) {
            send(platform, payload(platform, run + "-w-" + i));
        }
        long[] nanos = new long[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(c);
        double cpu0 = cpuSeconds();
        long own0 = ownCpuNanos();
        long start = System.nanoTime();
        for (int w = 0; w < c; w++) {
            pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < n;) {
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = send(platform, payload(platform, run + "-m-" + i));
                    } catch (java.io.IOException e) {
                        status = -1; // a timeout or broken connection counts as an error, the worker goes on
                    }
                    nanos[i] = System.nanoTime() - t0;
                    if (status != 202 && status != 200) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        int accepted = Math.max(1, n - errors.get());
        double cpuMs = (cpuSeconds() - cpu0) * 1000 / accepted;
        double ownMs = (ownCpuNanos() - own0) / 1e6 / accepted;
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-12s %10.0f %9.1f %9.1f %9.1f %9d %12.2f %12.2f%n", platform, (n - errors.get()) / seconds,
                nanos[n / 2] / 1e6, nanos[(int) (n * 0.95)] / 1e6, nanos[n - 1] / 1e6, errors.get(), cpuMs, ownMs);
    }

    /** One webhook at a time: 202 → ticket QUEUED_FOR_TRIAGE (ticket-raw → normalizer → ticket-normalized → triage). */
    static void latency(String run, int samples) throws Exception {
        long backlogStart = System.nanoTime();
        // let the intake backlog drain first: a probe must come through (not measured)
        String probe = run + "-probe";
        send("servicenow", payload("servicenow", probe));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (!get("/api/v1/tickets?size=50").contains("\"externalId\":\"" + probe + "\"") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        System.out.printf(Locale.ROOT, "backlog drained %.1f s after the last webhook answer%n", (System.nanoTime() - backlogStart) / 1e9);
        long[] millis = new long[samples];
        for (int i = 0; i < samples; i++) {
            String id = run + "-lat-" + i;
            long t0 = System.nanoTime();
            send("servicenow", payload("servicenow", id));
            while (!get("/api/v1/tickets?size=50").contains("\"externalId\":\"" + id + "\"")) {
                Thread.sleep(5);
            }
            millis[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "normalization latency, webhook 202 -> ticket listed (n=%d, one at a time): p50 %d ms, p95 %d ms, max %d ms%n",
                samples, millis[samples / 2], millis[(int) (samples * 0.95)], millis[samples - 1]);
    }

    static void history(String run, int rows) throws Exception {
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            ndjson.append("{\"externalId\":\"").append(run).append("-h-").append(i).append("\",\"title\":\"Past ticket ")
                    .append(i).append("\",\"body\":\"").append("Printer on floor ").append(i % 9).append(" offline again, restarted spooler. ".repeat(3))
                    .append("\",\"createdAt\":\"2025-0").append(1 + i % 9).append("-1").append(i % 10).append("T10:00:00Z\",\"labels\":{\"queue\":\"Q")
                    .append(i % 7).append("\",\"category\":\"c").append(i % 13).append("\"}}\n");
        }
        double cpu0 = cpuSeconds();
        long t0 = System.nanoTime();
        String answer = post("/api/v1/history", "application/x-ndjson", ndjson.toString(), null);
        Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(answer);
        if (!m.find()) {
            throw new IllegalStateException("no job id: " + answer);
        }
        double uploaded = (System.nanoTime() - t0) / 1e9;
        String job;
        do {
            Thread.sleep(100);
            job = get("/api/v1/history/" + m.group(1));
        } while (job.contains("\"status\":\"PROCESSING\""));
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "history import: %d rows, %.1f MB, 202 after %.2f s, done after %.2f s = %.0f rows/s (%s),"
                + " server CPU %.3f ms/row%n", rows, ndjson.length() / 1e6, uploaded, seconds, rows / seconds,
                job.replaceAll(".*\"status\":\"([A-Z]+)\".*", "$1"), (cpuSeconds() - cpu0) * 1000 / rows);
    }

    /** @return the server process's CPU seconds so far (utime + stime, 100 ticks/s), NaN without a pid */
    static double cpuSeconds() throws java.io.IOException {
        if (serverPid < 0) {
            return Double.NaN;
        }
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + serverPid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }

    /** @return this load generator's own CPU time so far: on a shared 2-core machine it competes with the server */
    static long ownCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    static String payload(String platform, String id) {
        String updated = Instant.now().toString();
        return switch (platform) {
            case "zendesk" -> "{\"ticket\":{\"id\":\"" + id + "\",\"subject\":\"Printer offline " + id + "\",\"description\":\"The printer on the 3rd floor is offline.\",\"priority\":\"high\",\"status\":\"open\",\"created_at\":\"2026-03-01T09:00:00Z\",\"updated_at\":\"" + updated + "\"}}";
            case "servicenow" -> "{\"sys_id\":\"" + id + "\",\"number\":\"INC" + id + "\",\"short_description\":\"VPN drops " + id + "\",\"description\":\"VPN drops every hour\",\"priority\":\"2\",\"state\":\"2\",\"sys_created_on\":\"2026-03-01 09:00:00\",\"sys_updated_on\":\"2026-03-01 10:00:00\"}";
            case "salesforce" -> "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body><notifications xmlns=\"http://soap.sforce.com/2005/09/outbound\"><OrganizationId>" + SF_ORG + "</OrganizationId><Notification><Id>04l" + id + "</Id><sObject xsi:type=\"sf:Case\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\"><sf:Id>" + id + "</sf:Id><sf:Subject>Teams calls drop " + id + "</sf:Subject><sf:Description>Calls drop after 30 s</sf:Description><sf:Priority>High</sf:Priority><sf:Status>New</sf:Status><sf:LastModifiedDate>" + updated + "</sf:LastModifiedDate></sObject></Notification></notifications></soapenv:Body></soapenv:Envelope>";
            case "kaseya-bms" -> "{\"Id\":\"" + id + "\",\"Title\":\"Laptop battery " + id + "\",\"Details\":\"Battery swollen\",\"PriorityName\":\"High\",\"ModifiedOn\":\"" + updated + "\"}";
            case "connectwise" -> "{\"id\":\"" + id + "\",\"summary\":\"Printer jam " + id + "\",\"initialDescription\":\"Jam in reception\",\"_info\":{\"lastUpdated\":\"" + updated + "\"}}";
            default -> "{\"Action\":\"Update\",\"EntityType\":\"Ticket\",\"Id\":\"" + id + "\",\"Fields\":{\"Title\":\"License expired " + id + "\",\"Description\":\"License server says expired\",\"Priority\":1,\"Status\":8},\"EventTime\":\"" + updated + "\"}";
        };
    }

    static int send(String platform, String body) throws Exception {
        HttpRequest.Builder b = request("/api/v1/integrations/" + platform + "/webhook")
                .header("Content-Type", platform.equals("salesforce") ? "text/xml; charset=utf-8" : "application/json");
        if (platform.equals("zendesk")) {
            String ts = Instant.now().toString();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(ZENDESK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(ts.getBytes(StandardCharsets.UTF_8));
            b.header("X-Zendesk-Webhook-Signature-Timestamp", ts).header("X-Zendesk-Webhook-Signature",
                    Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8))));
        }
        if (platform.equals("autotask")) {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(AUTOTASK_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            b.header("X-Hook-Signature", "sha1=" + Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8))));
        }
        return HTTP.send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String post(String path, String type, String body, List<String> ignored) throws Exception {
        return HTTP.send(request(path).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static String get(String path) throws Exception {
        return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + key);
    }
}
