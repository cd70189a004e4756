package omega.app.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ContextIT}'s tests on the production adapters: the server's database is the machine's PostgreSQL (so the
 * context store is PostgreSQL, {@code context.store=auto}) and working memory is the machine's Redis (127.0.0.1:6379,
 * keys under a prefix of this run). Skipped with a message when either is absent, unless OMEGA_IT_REQUIRE_SERVICES.
 */
class ContextPostgresIT extends ContextIT {

    @BeforeAll
    static void start() {
        requireRedis();
        String dbUrl = Services.freshPostgresDatabase("omega_ctx");
        startWith("context-pg", Map.of(
                "OMEGA_DB_URL", dbUrl,
                "OMEGA_DB_USER", Services.PG_USER,
                "OMEGA_DB_PASSWORD", "unused",
                "CONTEXT_WORKING", "redis",
                "CONTEXT_REDIS_KEY_PREFIX", "omega-it:" + UUID.randomUUID() + ":"));
    }

    @AfterAll
    static void stop() {
        ContextIT.stop();
    }

    @Test
    void runsOnThePostgresStoreAndRedis() {
        demo.get("/api/v1/context/working/ticket:T-0/x"); // builds memory if no test did yet
        String log = server.log();
        assertTrue(log.contains("Context memory: PostgreSQL store"), "context chose the PostgreSQL store");
        assertTrue(log.contains("Redis working memory"), "context uses Redis");
    }

    private static void requireRedis() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 2_000);
        } catch (IOException e) {
            String message = "Redis at 127.0.0.1:6379 is not reachable: " + e.getMessage();
            if (Boolean.parseBoolean(System.getenv("OMEGA_IT_REQUIRE_SERVICES"))) {
                throw new IllegalStateException(message, e);
            }
            Assumptions.abort(message + " — skipping the PostgreSQL + Redis context test");
        }
    }
}
