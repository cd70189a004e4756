package omega.triage.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import omega.platform.api.ProblemException;
import omega.triage.api.Acceptance;
import omega.triage.api.TicketChanged;
import omega.triage.api.TicketStatus;
import omega.triage.api.TicketSubmission;

/**
 * Makes submitted tickets durable before the caller answers, with group commit: concurrent submissions are
 * written by a few writer threads in batches, one database commit per batch, and each caller is released
 * only after the commit that holds its ticket. A known (tenant, source, externalId) answers with the
 * existing ticket and creates nothing. {@link TicketOutbox} then publishes on {@code ticket-normalized}.
 */
@ApplicationScoped
public class TicketIntake {

    private static final Logger LOG = Logger.getLogger(TicketIntake.class.getName());
    private static final int MAX_BATCH = 256;

    private static final String FIND = "SELECT id, status FROM triage_ticket WHERE tenant_id = ? AND source = ? AND external_id = ?";
    private static final String INSERT_TICKET = "INSERT INTO triage_ticket (id, tenant_id, source, external_id, version,"
            + " title, body, requester, client, created_at, priority, category, status, received_at, updated_at,"
            + " published, correlation_id, history_length) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)";
    private static final String INSERT_STATUS = "INSERT INTO triage_ticket_status (id, ticket_id, seq, status, changed_at, detail)"
            + " VALUES (?, ?, 1, ?, ?, ?)";

    @Resource(lookup = "jdbc/omega")
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    TicketOutbox outbox;

    @Inject
    Event<TicketChanged> changes;

    @Inject
    @ConfigProperty(name = "triage.intake.writers", defaultValue = "2")
    int writers;

    @Inject
    @ConfigProperty(name = "triage.intake.timeout-ms", defaultValue = "30000")
    long timeoutMs;

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(20_000);
    private final List<Thread> writerThreads = new ArrayList<>();
    private volatile boolean running;

    private record Pending(String tenantId, TicketSubmission submission, CompletableFuture<Acceptance> result) {
        String key() {
            return tenantId + '\u0000' + submission.source().trim() + '\u0000' + submission.externalId().trim();
        }
    }

    @PostConstruct
    void start() {
        running = true;
        for (int i = 0; i < Math.max(1, writers); i++) {
            Thread t = threads.newThread(this::writeLoop);
            t.setName("omega-ticket-intake-" + i);
            writerThreads.add(t);
            t.start();
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        for (Thread t : writerThreads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.result().completeExceptionally(unavailable("the server is stopping")));
    }

    /** Validates, waits until the ticket is committed, and answers; duplicates answer the existing ticket. */
    public Acceptance accept(String tenantId, TicketSubmission submission) {
        SubmissionValidator.validate(submission);
        Pending pending = new Pending(tenantId, submission, new CompletableFuture<>());
        try {
            if (!queue.offer(pending, timeoutMs, TimeUnit.MILLISECONDS)) {
                throw unavailable("intake is saturated; retry shortly");
            }
            Acceptance acceptance = pending.result().get(timeoutMs, TimeUnit.MILLISECONDS);
            if (!acceptance.duplicate()) {
                outbox.wake();
            }
            return acceptance;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProblemException p) {
                throw p;
            }
            throw new IllegalStateException("Storing the ticket failed", e.getCause());
        } catch (TimeoutException e) {
            throw unavailable("the ticket could not be stored within " + timeoutMs + " ms; retry (it is idempotent)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        }
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running) {
            try {
                Pending first = queue.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                try {
                    storeTogether(batch);
                } catch (SQLException e) {
                    LOG.log(Level.FINE, "Intake batch of " + batch.size() + " failed (" + e + "); storing one by one");
                    for (Pending p : batch) {
                        storeAlone(p);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                LOG.log(Level.SEVERE, "Intake writer failed", e);
                batch.forEach(p -> p.result().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void storeAlone(Pending p) {
        try {
            storeTogether(List.of(p));
        } catch (SQLException e) {
            // most likely another replica stored the same ticket meanwhile: answer with that one
            try (Connection c = dataSource.getConnection()) {
                Acceptance existing = find(c, p);
                if (existing != null) {
                    p.result().complete(existing);
                    return;
                }
            } catch (SQLException again) {
                e.addSuppressed(again);
            }
            LOG.log(Level.WARNING, "Storing a ticket failed", e);
            p.result().completeExceptionally(e);
        }
    }

    /**
     * One transaction for the whole batch; futures complete only after the commit. All look-ups run before
     * any insert, so two writers never wait on each other's uncommitted rows in both directions (no deadlock).
     */
    private void storeTogether(List<Pending> batch) throws SQLException {
        Map<String, Acceptance> answers = new HashMap<>();
        List<Acceptance> results = new ArrayList<>(batch.size());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Pending> fresh = new ArrayList<>(batch.size());
                for (Pending p : batch) {
                    if (!answers.containsKey(p.key())) {
                        Acceptance known = find(c, p);
                        if (known == null) {
                            known = new Acceptance(UUID.randomUUID().toString(), TicketStatus.RECEIVED, false);
                            fresh.add(p);
                        }
                        answers.put(p.key(), known);
                        results.add(known);
                    } else {
                        Acceptance first = answers.get(p.key());
                        results.add(new Acceptance(first.id(), first.status(), true));
                    }
                }
                if (!fresh.isEmpty()) {
                    insert(c, fresh, answers);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(results.get(i));
        }
        announce(batch, results);
    }

    /** After the commit: tells observers (the dashboard's live queue) about each new ticket. */
    private void announce(List<Pending> batch, List<Acceptance> results) {
        Instant now = Instant.now();
        for (int i = 0; i < batch.size(); i++) {
            Acceptance a = results.get(i);
            if (!a.duplicate()) {
                try {
                    changes.fire(new TicketChanged(batch.get(i).tenantId(), a.id(), a.status(), true, now));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "A ticket-change observer failed; the ticket is stored", e);
                }
            }
        }
    }

    private static void insert(Connection c, List<Pending> fresh, Map<String, Acceptance> answers) throws SQLException {
        Timestamp at = Timestamp.from(Instant.now());
        try (PreparedStatement tickets = c.prepareStatement(INSERT_TICKET);
             PreparedStatement statuses = c.prepareStatement(INSERT_STATUS)) {
            for (Pending p : fresh) {
                String id = answers.get(p.key()).id();
                addTicket(tickets, id, p, at);
                statuses.setString(1, UUID.randomUUID().toString());
                statuses.setString(2, id);
                statuses.setString(3, TicketStatus.RECEIVED.name());
                statuses.setTimestamp(4, at);
                statuses.setString(5, "accepted from " + p.submission().source().trim());
                statuses.addBatch();
            }
            tickets.executeBatch();
            statuses.executeBatch();
        }
    }

    private static void addTicket(PreparedStatement ps, String id, Pending p, Timestamp at) throws SQLException {
        TicketSubmission s = p.submission();
        Instant created = SubmissionValidator.parseInstant(s.createdAt());
        ps.setString(1, id);
        ps.setString(2, p.tenantId());
        ps.setString(3, s.source().trim());
        ps.setString(4, s.externalId().trim());
        ps.setString(5, s.title().trim());
        ps.setString(6, s.body());
        ps.setString(7, s.requester().trim());
        ps.setString(8, s.client().trim());
        ps.setTimestamp(9, created == null ? null : Timestamp.from(created));
        ps.setString(10, blankToNull(s.priority()));
        ps.setString(11, blankToNull(s.category()));
        ps.setString(12, TicketStatus.RECEIVED.name());
        ps.setTimestamp(13, at);
        ps.setTimestamp(14, at);
        ps.setBoolean(15, false);
        ps.setString(16, UUID.randomUUID().toString());
        ps.addBatch();
    }

    private static Acceptance find(Connection c, Pending p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FIND)) {
            ps.setString(1, p.tenantId());
            ps.setString(2, p.submission().source().trim());
            ps.setString(3, p.submission().externalId().trim());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Acceptance(rs.getString(1), TicketStatus.valueOf(rs.getString(2)), true) : null;
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static ProblemException unavailable(String detail) {
        return new ProblemException(503, "unavailable", "Service unavailable", detail);
    }
}
