package omega.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * kill -9 of the server right after it answered 202s loses none of those tickets: after a restart on the
 * same database and message store every accepted ticket is there and is picked up by the triage stage.
 */
class CrashRecoveryIT {

    @Test
    void acceptedTicketsSurviveKillDashNine() throws Exception {
        String key = "it-crash-key-" + UUID.randomUUID();
        LibertyProcess server = new LibertyProcess("crash-" + System.currentTimeMillis(),
                Map.of("OMEGA_BOOTSTRAP_API_KEY", key)).start();
        try {
            Api api = new Api(server.baseUrl(), key);
            List<String> accepted = new ArrayList<>();
            ExecutorService clients = Executors.newFixedThreadPool(8);
            try {
                List<Future<String>> posts = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    String body = Api.ticket("crash", "C-" + i, "Crash test " + i);
                    posts.add(clients.submit(() -> {
                        Api.Answer a = api.post("/api/v1/tickets", body);
                        return a.status() == 202 ? a.json().getString("id") : null;
                    }));
                }
                for (Future<String> f : posts) {
                    String id = f.get();
                    if (id != null) {
                        accepted.add(id);
                    }
                }
            } finally {
                clients.shutdownNow();
            }
            assertEquals(400, accepted.size(), "every post was accepted before the crash");
            server.kill();

            server.start();
            for (String id : accepted) {
                api.await("/api/v1/tickets/" + id, Api::pickedUp,
                        Duration.ofSeconds(60));
            }
            long queued = api.get("/api/v1/tickets?size=1").json().getJsonNumber("total").longValue();
            assertEquals(400, queued, "no ticket lost and none duplicated");
        } finally {
            server.stop();
        }
    }
}
