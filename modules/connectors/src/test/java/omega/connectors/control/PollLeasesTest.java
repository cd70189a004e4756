package omega.connectors.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Polling leases (one replica polls a connection at a time) on embedded Derby and on PostgreSQL. */
class PollLeasesTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final Duration LEASE = Duration.ofSeconds(60);

    @ParameterizedTest
    @ValueSource(strings = {"derby", "postgresql"})
    void oneOwnerAtATimeUntilItsLeaseExpiresThenAnotherTakesOver(String product) throws SQLException {
        DataSource ds = Databases.of(product);
        Databases.migrate(ds, null);
        ConnectionTablesTest.insertPlain(ds, "c1", null, null, null);
        PollLeases a = new PollLeases(ds, "replica-a", LEASE);
        PollLeases b = new PollLeases(ds, "replica-b", LEASE);

        assertTrue(a.take("c1", T0, null), "a free lease is taken");
        assertFalse(b.take("c1", T0.plusSeconds(1), null), "held by a");
        assertTrue(a.take("c1", T0.plusSeconds(30), null), "the owner keeps it (sticky, extended to +90 s)");
        assertFalse(b.take("c1", T0.plusSeconds(80), null), "still a's: extended by the re-take");
        assertTrue(a.renew("c1", T0.plusSeconds(85)), "renewed after a page: until +145 s");
        assertFalse(b.take("c1", T0.plusSeconds(140), null));
        // a dies: no renewal; once the lease expired, b takes over
        assertTrue(b.take("c1", T0.plusSeconds(146), null), "expired: taken over");
        assertFalse(a.renew("c1", T0.plusSeconds(147)), "a, back from a pause, learns it lost the lease");
        assertFalse(a.take("c1", T0.plusSeconds(150), null));
        b.release("c1");
        assertTrue(a.take("c1", T0.plusSeconds(151), null), "released on b's shutdown: free at once");
        assertEquals(1, a.releaseAll());
        assertEquals(0, a.releaseAll());
    }

    @ParameterizedTest
    @ValueSource(strings = {"derby", "postgresql"})
    void aConnectionPolledSinceItWasDueIsNotTakenAgain(String product) throws SQLException {
        DataSource ds = Databases.of(product);
        Databases.migrate(ds, null);
        ConnectionTablesTest.insertPlain(ds, "c2", null, null, null);
        PollLeases a = new PollLeases(ds, "replica-a", LEASE);
        assertTrue(a.take("c2", T0, T0.minusSeconds(300)), "never polled: due");
        a.release("c2");
        try (Connection c = ds.getConnection();
                PreparedStatement u = c.prepareStatement("UPDATE connectors_connection SET last_poll_at = ? WHERE id = 'c2'")) {
            u.setTimestamp(1, Timestamp.from(T0.plusSeconds(10)));
            u.executeUpdate();
        }
        PollLeases b = new PollLeases(ds, "replica-b", LEASE);
        assertFalse(b.take("c2", T0.plusSeconds(20), T0.plusSeconds(20).minusSeconds(300)),
                "polled 10 s ago by another replica, interval 300 s: not due, whatever b's stale list said");
        assertTrue(b.take("c2", T0.plusSeconds(311), T0.plusSeconds(311).minusSeconds(300)), "due again");
    }

    @ParameterizedTest
    @ValueSource(strings = {"derby", "postgresql"})
    void replicasRacingForAFreeLeaseGetExactlyOneWinner(String product) throws Exception {
        DataSource ds = Databases.of(product);
        Databases.migrate(ds, null);
        int replicas = 4;
        int rounds = 20;
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        try {
            for (int round = 0; round < rounds; round++) {
                String id = "race-" + round;
                ConnectionTablesTest.insertPlain(ds, id, null, null, null);
                CyclicBarrier start = new CyclicBarrier(replicas);
                List<Future<Boolean>> won = new ArrayList<>();
                for (int r = 0; r < replicas; r++) {
                    PollLeases leases = new PollLeases(ds, "replica-" + r, LEASE);
                    Callable<Boolean> take = () -> {
                        start.await();
                        return leases.take(id, T0, null);
                    };
                    won.add(pool.submit(take));
                }
                int winners = 0;
                for (Future<Boolean> w : won) {
                    winners += w.get() ? 1 : 0;
                }
                assertEquals(1, winners, "round " + round);
            }
        } finally {
            pool.shutdown();
        }
    }
}
