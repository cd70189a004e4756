package omega.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two API servers on one PostgreSQL database both run the poller: the per-connection lease lets only one of them
 * poll a connection, and when that one is killed (-9, no goodbye) the other takes over once the lease expired.
 * Both hold the same connectors.secrets.key, as every server sharing a database must.
 */
class PollingLeaseIT {

    static final String KEY = "it-lease-key-" + UUID.randomUUID();
    static final Duration WAIT = Duration.ofSeconds(90);
    static final Pattern OWNER = Pattern.compile("Polling as lease owner (\\S+)");
    static FakePsaApis fake;
    static LibertyProcess one;
    static LibertyProcess two;
    static String dbUrl;

    @BeforeAll
    static void start() throws Exception {
        fake = new FakePsaApis();
        dbUrl = Services.freshPostgresDatabase("omega_lease");
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        Map<String, String> env = new HashMap<>(Map.of(
                "OMEGA_DB_URL", dbUrl,
                "OMEGA_DB_USER", Services.PG_USER,
                "OMEGA_DB_PASSWORD", "unused",
                "OMEGA_BOOTSTRAP_API_KEY", KEY,
                "CONNECTORS_POLLING_TICK", "PT1S",
                "CONNECTORS_POLLING_LEASE", "PT5S",
                "CONNECTORS_POLLING_PAGE_SIZE", "2",
                "CONNECTORS_SECRETS_KEY", Base64.getEncoder().encodeToString(key)));
        String stamp = Long.toString(System.currentTimeMillis());
        one = new LibertyProcess("lease-one-" + stamp, env).start();
        two = new LibertyProcess("lease-two-" + stamp, env).start();
    }

    @AfterAll
    static void stop() {
        for (LibertyProcess p : new LibertyProcess[] {one, two}) {
            if (p != null) {
                p.stop();
            }
        }
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void oneServerPollsAConnectionAndTheOtherTakesOverWhenItDies() throws Exception {
        Api api = new Api(one.baseUrl(), KEY);
        Api.Answer created = api.post("/api/v1/tenants/demo/connections", "{\"platform\":\"servicenow\",\"baseUrl\":\""
                + fake.base("servicenow") + "\",\"username\":\"sn-user\",\"secret\":\"sn-pass\",\"pollIntervalSeconds\":1,"
                + "\"pollSince\":\"2026-02-01T00:00:00Z\"}");
        assertEquals(201, created.status(), created.body());
        Payload.awaitTicket(api, "servicenow", "sn-3", WAIT);
        String ownerOne = owner(one);
        String ownerTwo = owner(two);

        // while both live, the lease stays with one of them, and polling goes on
        String holder = awaitOwner(o -> o != null, WAIT);
        assertTrue(holder.equals(ownerOne) || holder.equals(ownerTwo), holder);
        int before = servicenowRequests();
        Set<String> seen = new HashSet<>();
        long until = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        while (System.nanoTime() < until) {
            seen.add(leaseOwner());
            Thread.sleep(200);
        }
        assertEquals(Set.of(holder), seen, "one owner while both run (lease 5 s, renewed by every poll)");
        assertTrue(servicenowRequests() > before, "polling went on: " + fake.requests.size());

        // the holder dies without releasing: the other takes over after the lease expired
        LibertyProcess dead = holder.equals(ownerOne) ? one : two;
        String survivor = holder.equals(ownerOne) ? ownerTwo : ownerOne;
        dead.kill();
        assertEquals(survivor, awaitOwner(survivor::equals, Duration.ofSeconds(30)));
        int afterTakeover = servicenowRequests();
        Thread.sleep(3_000);
        assertTrue(servicenowRequests() > afterTakeover, "the survivor polls");
    }

    private static int servicenowRequests() {
        return (int) fake.requests.stream().filter(r -> r.startsWith("servicenow")).count();
    }

    private static String owner(LibertyProcess server) {
        Matcher m = OWNER.matcher(server.log());
        assertTrue(m.find(), "the server logged its lease owner");
        return m.group(1);
    }

    private static String awaitOwner(java.util.function.Predicate<String> condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String owner = null;
        while (System.nanoTime() < deadline) {
            owner = leaseOwner();
            if (condition.test(owner)) {
                return owner;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("lease owner still " + owner + " after " + timeout);
    }

    private static String leaseOwner() throws SQLException {
        try (Connection c = DriverManager.getConnection(dbUrl, Services.PG_USER, "");
                PreparedStatement q = c.prepareStatement("SELECT poll_owner FROM connectors_connection"
                        + " WHERE tenant_id = 'demo' AND platform = 'servicenow'");
                ResultSet rs = q.executeQuery()) {
            assertTrue(rs.next());
            String owner = rs.getString(1);
            return owner;
        }
    }
}
