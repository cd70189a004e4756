package omega.context.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import omega.context.api.ResolvedTicket;
import omega.platform.api.JsonBody;
import omega.platform.api.PlatformReady;
import omega.platform.api.Profile;

/**
 * Resolved tickets on their way into long-term memory ({@code context_inbox}). Consumers add rows in the
 * message's transaction (cheap: no embedding there); one writer thread takes up to {@code context.inbox.batch-size}
 * rows at a time (in the profiles that consume, all and perimeter), remembers them with one embedding batch and one store write, then deletes them. It wakes when a
 * transaction that added rows commits, else polls every second. A crash between remembering and deleting only
 * remembers the same tickets again (an upsert). Erasure holds {@link #lock()} so a batch in flight cannot bring
 * an erased ticket back.
 */
@ApplicationScoped
public class MemoryInbox {

    private static final Logger LOG = Logger.getLogger(MemoryInbox.class.getName());

    @Resource(lookup = "jdbc/omega")
    DataSource dataSource;

    /** outside JTA: the writer commits its own reads and deletes */
    @Resource(lookup = "jdbc/omega-context")
    DataSource writerSource;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    Memories memories;

    @Inject
    Profile profile;

    @Inject
    @ConfigProperty(name = "context.inbox.batch-size", defaultValue = "200")
    int batchSize;

    private final ReentrantLock lock = new ReentrantLock();
    private final ReentrantLock signalLock = new ReentrantLock();
    private final Condition signal = signalLock.newCondition();
    private volatile boolean woken;
    private volatile Thread writer;
    private volatile boolean running;
    private volatile Boolean postgres;

    /** Adds tickets in the caller's transaction; the writer wakes once it committed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(List<ResolvedTicket> tickets) {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO context_inbox (id, tenant_id, ticket_id, requester_key, payload, received_at)"
                        + " VALUES (?,?,?,?,?,?)")) {
            for (ResolvedTicket t : tickets) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, t.tenantId());
                insert.setString(3, t.ticketId());
                insert.setString(4, t.requester() == null ? null : MemoryStore.normalizedRequester(t.requester()));
                insert.setString(5, JsonBody.write(InboxEntry.of(t)));
                insert.setTimestamp(6, Timestamp.from(Instant.now()));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Context inbox write failed: " + e.getMessage(), e);
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to flush
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wake();
                }
            }
        });
    }

    /** Runs where context's consumers run (profiles all and perimeter), not in stage workers. */
    void start(@Observes PlatformReady ready) {
        if (!profile.servesApi()) {
            return;
        }
        running = true;
        Thread t = threads.newThread(this::run);
        t.setName("omega-context-inbox");
        writer = t;
        t.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        wake();
        Thread t = writer;
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Held while a batch is remembered; erasure takes it too. */
    public ReentrantLock lock() {
        return lock;
    }

    void wake() {
        signalLock.lock();
        try {
            woken = true;
            signal.signalAll();
        } finally {
            signalLock.unlock();
        }
    }

    private void run() {
        while (running) {
            try {
                while (running && drainOnce() == batchSize) {
                    // a full batch: there may be more
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Context inbox: a batch failed, retrying shortly: " + e);
            }
            awaitSignal();
        }
    }

    private void awaitSignal() {
        signalLock.lock();
        try {
            if (!woken) {
                signal.await(1, TimeUnit.SECONDS);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            signalLock.unlock();
        }
    }

    /**
     * Takes the oldest rows, remembers them and deletes them. On PostgreSQL the rows are locked ({@code FOR UPDATE
     * SKIP LOCKED}) until the batch is deleted, so replicas sharing the database never take the same rows.
     *
     * @return how many rows this batch took
     */
    int drainOnce() {
        lock.lock();
        try (Connection c = writerSource.getConnection()) {
            boolean postgres = postgres(c);
            if (postgres) {
                c.setAutoCommit(false);
            }
            try {
                int taken = drain(c, postgres);
                if (postgres) {
                    c.commit();
                }
                return taken;
            } finally {
                if (postgres) {
                    c.rollback(); // nothing left after a commit; releases the rows after a failure
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Context inbox read failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private int drain(Connection c, boolean postgres) throws SQLException {
        Map<String, ResolvedTicket> latest = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        String oldest = "SELECT id, payload FROM context_inbox ORDER BY received_at, id";
        try (PreparedStatement select = c.prepareStatement(postgres ? oldest + " LIMIT ? FOR UPDATE SKIP LOCKED"
                : oldest)) {
            if (postgres) {
                select.setInt(1, batchSize);
            } else {
                select.setMaxRows(batchSize);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                    ResolvedTicket t = JsonBody.parse(rows.getString(2), InboxEntry.class).ticket();
                    latest.put(t.tenantId() + "\u0000" + t.ticketId(), t);
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        long start = System.nanoTime();
        memories.rememberAll(List.copyOf(latest.values()));
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM context_inbox WHERE id = ?")) {
            for (String id : ids) {
                delete.setString(1, id);
                delete.addBatch();
            }
            delete.executeBatch();
        }
        LOG.fine(() -> "Context inbox: remembered " + latest.size() + " ticket(s) in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
        return ids.size();
    }

    private boolean postgres(Connection c) throws SQLException {
        Boolean known = postgres;
        if (known == null) {
            known = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
            postgres = known;
        }
        return known;
    }

    /**
     * Deletes a requester's waiting tickets (GDPR erasure; call holding {@link #lock()}, before erasing memory: on
     * PostgreSQL it waits for another replica's batch holding such rows, which is then already remembered).
     *
     * @return how many
     */
    int eraseRequester(String tenantId, String requester) {
        try (Connection c = writerSource.getConnection(); PreparedStatement delete = c.prepareStatement(
                "DELETE FROM context_inbox WHERE tenant_id = ? AND requester_key = ?")) {
            delete.setString(1, tenantId);
            delete.setString(2, MemoryStore.normalizedRequester(requester));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Context inbox erasure failed: " + e.getMessage(), e);
        }
    }
}
