package omega.connectors.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

/**
 * Per-connection polling leases in {@code connectors_connection} ({@code poll_owner}, {@code poll_lease_until}):
 * a replica polls a connection only while it holds the lease. Taking it is one conditional UPDATE that succeeds
 * when the lease is free, expired or already ours, and only when the connection is due; the owner renews it after
 * every page and stops when the renewal fails; a replica that dies stops renewing, so another takes over once the
 * lease expired. The lease stays with its owner between polls (no release), so replicas do not take turns.
 */
public final class PollLeases {

    private final DataSource dataSource;
    private final String owner;
    private final Duration lease;

    public PollLeases(DataSource dataSource, String owner, Duration lease) {
        if (owner == null || owner.isBlank() || owner.length() > 128) {
            throw new IllegalArgumentException("a lease owner is 1..128 characters");
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("the lease must be positive: " + lease);
        }
        this.dataSource = dataSource;
        this.owner = owner;
        this.lease = lease;
    }

    public String owner() {
        return owner;
    }

    /**
     * Takes (or extends) the lease when it is free, expired or ours, and the connection was last polled at or
     * before {@code dueBefore} (null = due whatever its last poll).
     *
     * @return true when this replica now holds the lease
     */
    public boolean take(String connectionId, Instant now, Instant dueBefore) throws SQLException {
        String sql = "UPDATE connectors_connection SET poll_owner = ?, poll_lease_until = ? WHERE id = ?"
                + " AND (poll_owner IS NULL OR poll_owner = ? OR poll_lease_until IS NULL OR poll_lease_until < ?)"
                + (dueBefore == null ? "" : " AND (last_poll_at IS NULL OR last_poll_at <= ?)");
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            update.setString(1, owner);
            update.setLong(2, now.plus(lease).toEpochMilli());
            update.setString(3, connectionId);
            update.setString(4, owner);
            update.setLong(5, now.toEpochMilli());
            if (dueBefore != null) {
                update.setTimestamp(6, java.sql.Timestamp.from(dueBefore));
            }
            return update.executeUpdate() == 1;
        }
    }

    /** Extends a lease this replica holds; @return false when it lost it (expired and taken by another) */
    public boolean renew(String connectionId, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE connectors_connection SET poll_lease_until = ?"
                        + " WHERE id = ? AND poll_owner = ?")) {
            update.setLong(1, now.plus(lease).toEpochMilli());
            update.setString(2, connectionId);
            update.setString(3, owner);
            return update.executeUpdate() == 1;
        }
    }

    /** Gives the lease up (on shutdown), so another replica takes over without waiting for the expiry. */
    public void release(String connectionId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE connectors_connection SET poll_owner = NULL,"
                        + " poll_lease_until = NULL WHERE id = ? AND poll_owner = ?")) {
            update.setString(1, connectionId);
            update.setString(2, owner);
            update.executeUpdate();
        }
    }

    /** Gives up every lease of this replica (graceful shutdown); @return how many */
    public int releaseAll() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE connectors_connection SET poll_owner = NULL,"
                        + " poll_lease_until = NULL WHERE poll_owner = ?")) {
            update.setString(1, owner);
            return update.executeUpdate();
        }
    }
}
