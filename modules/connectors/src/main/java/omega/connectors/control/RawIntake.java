package omega.connectors.control;

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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import omega.connectors.entity.RawPayloadRecord;
import omega.platform.api.GroupCommit;
import omega.platform.api.ProblemException;

/**
 * Stores webhook payloads and queues them on {@code ticket-raw} with group commit: the payloads of concurrent
 * requests are looked up and inserted in one database transaction, sent together (one broker transaction when
 * they wait together) and marked queued in one more, and each caller is answered only after its payload was
 * committed and the broker committed its message. Per request that is one share of three commits instead of
 * three commits (find, insert, mark-queued) and a broker commit of its own.
 */
@ApplicationScoped
public class RawIntake {

    private static final Logger LOG = Logger.getLogger(RawIntake.class.getName());

    private static final String FIND = "SELECT id, content_type, received_at, queued FROM connectors_raw_payload"
            + " WHERE tenant_id = ? AND platform = ? AND payload_hash = ?";
    private static final String INSERT = "INSERT INTO connectors_raw_payload (id, tenant_id, platform, payload_hash,"
            + " content_type, headers, body, received_at, queued) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)";
    private static final String MARK_QUEUED = "UPDATE connectors_raw_payload SET queued = ? WHERE id = ?";

    /** A payload to store: its hash is computed on the caller's thread. */
    record Delivery(String tenantId, String platform, String contentType, String body, String hash) {
        String key() {
            return tenantId + '\u0000' + platform + '\u0000' + hash;
        }
    }

    /** What a caller gets: its stored payload, or why it could not be queued (stored all the same). */
    record Answer(RawPayloads.Stored stored, ProblemException failure) {
    }

    @Resource(lookup = "jdbc/omega")
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    RawQueue queue;

    @Inject
    @ConfigProperty(name = "connectors.intake.writers", defaultValue = "2")
    int writers;

    @Inject
    @ConfigProperty(name = "connectors.intake.max-batch", defaultValue = "128")
    int maxBatch;

    @Inject
    @ConfigProperty(name = "connectors.intake.timeout-ms", defaultValue = "30000")
    long timeoutMs;

    private GroupCommit<Delivery, Answer> commits;

    @PostConstruct
    void start() {
        commits = new GroupCommit<>("raw-intake", threads, writers, maxBatch, 20_000, this::write);
    }

    @PreDestroy
    void stop() {
        commits.close();
    }

    /** Stores (once per tenant, platform and body) and queues the payload; a 503 problem when that did not happen in time. */
    public RawPayloads.Stored store(String tenantId, String platform, String contentType, String body) {
        Delivery delivery = new Delivery(tenantId, platform, contentType, body, RawPayloads.sha256(body));
        Answer answer;
        try {
            answer = commits.submit(delivery, timeoutMs);
        } catch (TimeoutException e) {
            throw unavailable("the payload could not be stored and queued within " + timeoutMs + " ms; send it again"
                    + " (the same payload is stored once)");
        } catch (ExecutionException e) {
            throw new IllegalStateException("Storing the payload failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        }
        if (answer.failure() != null) {
            throw answer.failure();
        }
        return answer.stored();
    }

    /**
     * One batch: every look-up before any insert (so two writers never wait on each other's uncommitted rows
     * in both directions), one commit; then the payloads not queued yet go to the broker together. A batch
     * that fails in the database (e.g. a concurrent writer stored the same payload first) is retried one by
     * one by {@link GroupCommit}, where the look-up then finds the winner's row.
     */
    List<Answer> write(List<Delivery> batch) throws SQLException {
        Map<String, RawPayloads.Stored> byKey = new LinkedHashMap<>();
        List<RawPayloads.Stored> stored = new ArrayList<>(batch.size());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<RawPayloadRecord> fresh = new ArrayList<>();
                Instant now = Instant.now();
                for (Delivery d : batch) {
                    RawPayloads.Stored first = byKey.get(d.key());
                    if (first != null) {
                        stored.add(new RawPayloads.Stored(first.record(), false));
                        continue;
                    }
                    RawPayloadRecord existing = find(c, d);
                    RawPayloads.Stored s;
                    if (existing != null) {
                        s = new RawPayloads.Stored(existing, false);
                    } else {
                        s = new RawPayloads.Stored(new RawPayloadRecord(UUID.randomUUID().toString(), d.tenantId(),
                                d.platform(), d.hash(), d.contentType(), null, d.body(), now), true);
                        fresh.add(s.record());
                    }
                    byKey.put(d.key(), s);
                    stored.add(s);
                }
                insert(c, fresh);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return queue(byKey.values(), stored);
    }

    private List<Answer> queue(Iterable<RawPayloads.Stored> distinct, List<RawPayloads.Stored> stored) {
        List<RawPayloadRecord> unqueued = new ArrayList<>();
        distinct.forEach(s -> {
            if (!s.record().queued()) {
                unqueued.add(s.record());
            }
        });
        ProblemException failure = null;
        if (!unqueued.isEmpty()) {
            try {
                queue.queueAll(unqueued);
                markQueued(unqueued);
            } catch (ProblemException e) {
                failure = e;
            }
        }
        List<Answer> answers = new ArrayList<>(stored.size());
        for (RawPayloads.Stored s : stored) {
            answers.add(new Answer(s, failure != null && unqueued.contains(s.record()) ? failure : null));
        }
        return answers;
    }

    /**
     * After the broker committed: the flag only spares a later duplicate delivery a second send, so a failure
     * here is logged, not answered (the payload is stored and queued; a re-send is deduplicated downstream).
     */
    private void markQueued(List<RawPayloadRecord> records) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(MARK_QUEUED)) {
                for (RawPayloadRecord r : records) {
                    ps.setBoolean(1, true);
                    ps.setString(2, r.id());
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            records.forEach(RawPayloadRecord::markQueued);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, records.size() + " raw payloads were queued but not marked queued", e);
        }
    }

    private static RawPayloadRecord find(Connection c, Delivery d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FIND)) {
            ps.setString(1, d.tenantId());
            ps.setString(2, d.platform());
            ps.setString(3, d.hash());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                RawPayloadRecord r = new RawPayloadRecord(rs.getString(1), d.tenantId(), d.platform(), d.hash(),
                        rs.getString(2), null, d.body(), rs.getTimestamp(3).toInstant());
                if (rs.getBoolean(4)) {
                    r.markQueued();
                }
                return r;
            }
        }
    }

    private static void insert(Connection c, List<RawPayloadRecord> fresh) throws SQLException {
        if (fresh.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (RawPayloadRecord r : fresh) {
                ps.setString(1, r.id());
                ps.setString(2, r.tenantId());
                ps.setString(3, r.platform());
                ps.setString(4, r.payloadHash());
                ps.setString(5, r.contentType());
                ps.setString(6, r.body());
                ps.setTimestamp(7, Timestamp.from(r.receivedAt()));
                ps.setBoolean(8, false);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static ProblemException unavailable(String detail) {
        return new ProblemException(503, "queue-unavailable", "Messaging unavailable", detail);
    }
}
