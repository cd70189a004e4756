package omega.context.control;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import omega.context.api.ResolvedTicket;
import omega.platform.api.JsonBody;

/**
 * The production store on PostgreSQL: tickets with their vectors (BYTEA, little-endian float32) in
 * {@code context_memory}, erasures in {@code context_erasure_audit} (migration {@code db/migration/context}).
 * The vectors are searched in the application; the database is the durable copy the indexes are built from.
 * Every write bumps the tenant's revision ({@code context_revision}) in its transaction, so replicas sharing the
 * database follow each other ({@link SharedStore}).
 */
public final class PostgresMemoryStore implements MemoryStore, SharedStore {

    private static final String COLUMNS = "ticket_id, text, labels, resolution, client, category, status, requester,"
            + " resolved_at, model_id";

    private final DataSource dataSource;

    public PostgresMemoryStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void save(List<StoredTicket> tickets) {
        String sql = "INSERT INTO context_memory (tenant_id, " + COLUMNS + ", vector, requester_key, revision, stored_at)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,CURRENT_TIMESTAMP)"
                + " ON CONFLICT (tenant_id, ticket_id) DO UPDATE SET text = EXCLUDED.text, labels = EXCLUDED.labels,"
                + " resolution = EXCLUDED.resolution, client = EXCLUDED.client, category = EXCLUDED.category,"
                + " status = EXCLUDED.status, requester = EXCLUDED.requester, resolved_at = EXCLUDED.resolved_at,"
                + " model_id = EXCLUDED.model_id, vector = EXCLUDED.vector, requester_key = EXCLUDED.requester_key,"
                + " revision = EXCLUDED.revision, stored_at = EXCLUDED.stored_at";
        inTransaction(c -> {
            Map<String, Long> revisions = new LinkedHashMap<>();
            try (PreparedStatement insert = c.prepareStatement(sql)) {
                for (StoredTicket stored : tickets) {
                    ResolvedTicket t = stored.ticket();
                    long revision = revisions.computeIfAbsent(t.tenantId(), tenant -> bump(c, tenant, false));
                    insert.setString(1, t.tenantId());
                    insert.setString(2, t.ticketId());
                    insert.setString(3, t.text());
                    insert.setString(4, JsonBody.write(t.labels()));
                    insert.setString(5, t.resolution());
                    insert.setString(6, t.client());
                    insert.setString(7, t.category());
                    insert.setString(8, t.status());
                    insert.setString(9, t.requester() == null ? null : t.requester().trim());
                    insert.setTimestamp(10, Timestamp.from(t.resolvedAt()));
                    insert.setString(11, stored.modelId());
                    insert.setBytes(12, VectorBytes.of(stored.vector()));
                    insert.setString(13, t.requester() == null ? null : MemoryStore.normalizedRequester(t.requester()));
                    insert.setLong(14, revision);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /**
     * Bumps the tenant's revision inside the caller's transaction (the row lock orders concurrent writers of a
     * tenant, so rows of revision r are committed when revision r is visible).
     */
    private static long bump(Connection c, String tenantId, boolean erasure) {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO context_revision (tenant_id, revision,"
                + " erased_revision) VALUES (?, 1, ?) ON CONFLICT (tenant_id) DO UPDATE SET"
                + " revision = context_revision.revision + 1, erased_revision = CASE WHEN ? THEN"
                + " context_revision.revision + 1 ELSE context_revision.erased_revision END RETURNING revision")) {
            upsert.setString(1, tenantId);
            upsert.setLong(2, erasure ? 1 : 0);
            upsert.setBoolean(3, erasure);
            try (ResultSet row = upsert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Context memory database failure: " + e.getMessage(), e);
        }
    }

    @Override
    public StoreRevision revision(String tenantId) {
        return inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT revision, erased_revision FROM context_revision WHERE tenant_id = ?")) {
                select.setString(1, tenantId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? new StoreRevision(row.getLong(1), row.getLong(2)) : StoreRevision.NONE;
                }
            }
        });
    }

    @Override
    public void forEachChanged(String tenantId, long after, long upTo, Consumer<StoredTicket> action) {
        inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + ", vector FROM context_memory"
                    + " WHERE tenant_id = ? AND revision > ? AND revision <= ?")) {
                select.setFetchSize(1000);
                select.setString(1, tenantId);
                select.setLong(2, after);
                select.setLong(3, upTo);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        action.accept(new StoredTicket(ticket(tenantId, rows), VectorBytes.vector(rows.getBytes(11)),
                                rows.getString(10)));
                    }
                }
            }
            return null;
        });
    }

    @Override
    public List<ResolvedTicket> find(String tenantId, Collection<String> ticketIds) {
        if (ticketIds.isEmpty()) {
            return List.of();
        }
        return inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM context_memory WHERE tenant_id = ? AND ticket_id = ANY (?)")) {
                select.setString(1, tenantId);
                Array ids = c.createArrayOf("varchar", ticketIds.toArray());
                select.setArray(2, ids);
                List<ResolvedTicket> found = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(ticket(tenantId, rows));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public int count(String tenantId) {
        return inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT count(*) FROM context_memory WHERE tenant_id = ?")) {
                select.setString(1, tenantId);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    @Override
    public void forEach(String tenantId, Consumer<StoredTicket> action) {
        inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                    + ", vector FROM context_memory WHERE tenant_id = ?")) {
                select.setFetchSize(1000); // a cursor, not the whole tenant in memory (needs autocommit off)
                select.setString(1, tenantId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        action.accept(new StoredTicket(ticket(tenantId, rows), VectorBytes.vector(rows.getBytes(11)),
                                rows.getString(10)));
                    }
                }
            }
            return null;
        });
    }

    @Override
    public List<String> ticketIdsOfRequester(String tenantId, String requester) {
        return inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT ticket_id FROM context_memory WHERE tenant_id = ? AND requester_key = ?")) {
                select.setString(1, tenantId);
                select.setString(2, MemoryStore.normalizedRequester(requester));
                List<String> ids = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
                return ids;
            }
        });
    }

    @Override
    public void erase(String tenantId, Collection<String> ticketIds, ErasureAudit audit) {
        inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM context_memory WHERE tenant_id = ? AND ticket_id = ANY (?)");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO context_erasure_audit"
                         + " (id, tenant_id, erased_at, reference, tickets_erased) VALUES (?,?,?,?,?)")) {
                delete.setString(1, tenantId);
                delete.setArray(2, c.createArrayOf("varchar", ticketIds.toArray()));
                delete.executeUpdate();
                insert.setString(1, audit.id());
                insert.setString(2, tenantId);
                insert.setTimestamp(3, Timestamp.from(audit.at()));
                insert.setString(4, audit.reference());
                insert.setInt(5, audit.ticketsErased());
                insert.executeUpdate();
                bump(c, tenantId, true);
            }
            return null;
        });
    }

    @Override
    public List<ErasureAudit> erasures(String tenantId) {
        return inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT id, erased_at, reference, tickets_erased"
                    + " FROM context_erasure_audit WHERE tenant_id = ? ORDER BY erased_at")) {
                select.setString(1, tenantId);
                List<ErasureAudit> audits = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        audits.add(new ErasureAudit(rows.getString(1), tenantId, rows.getTimestamp(2).toInstant(),
                                rows.getString(3), rows.getInt(4)));
                    }
                }
                return audits;
            }
        });
    }

    private static ResolvedTicket ticket(String tenantId, ResultSet rows) throws SQLException {
        return new ResolvedTicket(tenantId, rows.getString(1), rows.getString(2), labels(rows.getString(3)),
                rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8),
                rows.getTimestamp(9).toInstant());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> labels(String json) {
        Map<String, Object> parsed = JsonBody.parse(json, Map.class);
        Map<String, String> labels = new LinkedHashMap<>();
        parsed.forEach((key, value) -> labels.put(key, String.valueOf(value)));
        return labels;
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Context memory database failure: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        // the data source belongs to the server (or the test)
    }

    @FunctionalInterface
    private interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }
}
