package omega.context.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import omega.context.api.WorkingKey;
import omega.context.api.WorkingScope;
import omega.platform.api.ProblemException;

/** Against the real Redis on 127.0.0.1:6379, including expiry and a server restart. */
class RedisWorkingMemoryTest {

    private static final String HOST = "127.0.0.1";
    private static final int PORT = 6379;
    private static final String SHUTDOWN = "redis-cli -h 127.0.0.1 -p 6379 shutdown nosave";
    private static final String START = "redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save \"\""
            + " --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log";

    private final WorkingMemorySettings settings =
            new WorkingMemorySettings(Duration.ofMinutes(5), Duration.ofHours(1), 10_000, 1000);
    private final String tenant = "it-" + UUID.randomUUID();
    private RedisWorkingMemory memory;

    @BeforeEach
    void connect() {
        Services.assumeReachable(reachable(), "Redis at " + HOST + ":" + PORT);
        memory = new RedisWorkingMemory(HOST, PORT, Duration.ofSeconds(2), "omega:context:test:", settings);
    }

    @AfterEach
    void disconnect() {
        if (memory != null) {
            memory.clear(tenant, WorkingScope.TICKET, "t1");
            memory.close();
        }
    }

    @Test
    void putGetDeleteAndClear() {
        WorkingKey draft = key("t1", "draft");
        memory.put(draft, "{\"reply\":\"hi\"}");
        memory.put(key("t1", "scratchpad"), "notes");
        assertEquals(Optional.of("{\"reply\":\"hi\"}"), memory.get(draft));
        assertTrue(memory.remainingMillis(draft) > Duration.ofMinutes(4).toMillis(), "the default TTL is set");
        assertTrue(memory.delete(draft));
        assertEquals(Optional.empty(), memory.get(draft));
        memory.put(new WorkingKey(tenant + "-other", WorkingScope.TICKET, "t1", "draft"), "x");
        assertEquals(1, memory.clear(tenant, WorkingScope.TICKET, "t1"));
        assertEquals(1, memory.clear(tenant + "-other", WorkingScope.TICKET, "t1"));
    }

    @Test
    void redisExpiresEntries() throws InterruptedException {
        WorkingKey notes = key("t1", "scratchpad");
        memory.put(notes, "soon gone", Duration.ofMillis(400));
        assertEquals(Optional.of("soon gone"), memory.get(notes));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (memory.get(notes).isPresent()) {
            if (System.nanoTime() > deadline) {
                fail("not expired after 5 s");
            }
            Thread.sleep(50);
        }
        assertEquals(-2, memory.remainingMillis(notes), "Redis itself dropped the key");
    }

    @Test
    void valuesAreBounded() {
        assertEquals(413, assertThrows(ProblemException.class, () -> memory.put(key("t1", "big"), "x".repeat(1001)))
                .status());
    }

    @Test
    void theClientReconnectsByItselfAfterARedisRestart() throws Exception {
        memory.put(key("t1", "draft"), "before");
        memory.get(key("t1", "draft")); // the pool holds a connection that the restart will break
        run(SHUTDOWN);
        try {
            assertEquals(503, assertThrows(ProblemException.class, () -> memory.get(key("t1", "draft"))).status(),
                    "while Redis is down a call fails fast with a problem");
        } finally {
            run(START);
            awaitPing();
        }
        assertEquals(Optional.empty(), memory.get(key("t1", "draft")), "a restart without persistence loses entries");
        memory.put(key("t1", "draft"), "after");
        assertEquals(Optional.of("after"), memory.get(key("t1", "draft")));
    }

    private WorkingKey key(String owner, String slot) {
        return new WorkingKey(tenant, WorkingScope.TICKET, owner, slot);
    }

    private static boolean reachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        int exit = process.waitFor();
        if (exit != 0 && !command.equals(SHUTDOWN)) {
            fail("'" + command + "' exited with " + exit + ": " + output);
        }
    }

    private static void awaitPing() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Process ping = new ProcessBuilder("redis-cli", "-h", HOST, "-p", Integer.toString(PORT), "ping")
                    .redirectErrorStream(true).start();
            String answer = new String(ping.getInputStream().readAllBytes()).trim();
            ping.waitFor();
            if (answer.equals("PONG")) {
                return;
            }
            Thread.sleep(100);
        }
        fail("Redis did not answer PING within 30 s after the restart");
    }
}
