package omega.app.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One OMEGA server process for an integration test: the Liberty runtime the build laid out
 * ({@code omega.wlp.dir}), its own output directory (database, message store, logs) and ports, configured
 * only through environment variables, exactly as in production. Can be stopped gracefully or killed -9.
 */
public final class LibertyProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path outputDir;
    private final Map<String, String> env = new HashMap<>();
    private final int httpPort;
    private Process process;

    public LibertyProcess(String name, Map<String, String> environment) {
        this.name = name;
        this.outputDir = Path.of(System.getProperty("omega.it.dir", "target/it-servers")).toAbsolutePath().resolve(name);
        this.httpPort = freePort();
        env.put("HTTP_PORT", Integer.toString(httpPort));
        env.put("OMEGA_JMS_PORT", Integer.toString(freePort()));
        env.putAll(environment);
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    public Path outputDir() {
        return outputDir;
    }

    /** Starts (or restarts, keeping the output directory) and waits until /health/ready answers 200. */
    public LibertyProcess start() {
        Path wlp = Path.of(System.getProperty("omega.wlp.dir", "target/liberty/wlp"));
        String server = System.getProperty("omega.server.name", "omega");
        try {
            Files.createDirectories(outputDir);
            ProcessBuilder pb = new ProcessBuilder(wlp.resolve("bin/server").toString(), "run", server);
            pb.environment().putAll(env);
            pb.environment().put("WLP_OUTPUT_DIR", outputDir.toString());
            pb.redirectErrorStream(true);
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(outputDir.resolve("console.log").toFile()));
            process = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start Liberty for " + name, e);
        }
        // generous: on a shared 2-core machine under other builds a cold start has taken > 150 s
        awaitReady(Duration.ofSeconds(Long.getLong("omega.it.ready-timeout-s", 300)));
        return this;
    }

    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Server " + name + " exited with " + process.exitValue()
                        + "; see " + outputDir.resolve("console.log"));
            }
            if (status("/health/ready") == 200) {
                return;
            }
            sleep(250);
        }
        throw new IllegalStateException("Server " + name + " not ready within " + timeout + "; see "
                + outputDir.resolve("console.log"));
    }

    public int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** kill -9 of the server JVM: no shutdown hooks, no graceful stop. */
    public void kill() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : all) {
            h.onExit().join();
        }
        process = null;
    }

    public void stop() {
        if (process == null) {
            return;
        }
        process.toHandle().descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
        process = null;
    }

    public String log() {
        try {
            Path messages = outputDir.resolve(System.getProperty("omega.server.name", "omega")).resolve("logs/messages.log");
            return Files.exists(messages) ? Files.readString(messages) : Files.readString(outputDir.resolve("console.log"));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
