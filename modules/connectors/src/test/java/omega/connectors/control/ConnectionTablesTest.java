package omega.connectors.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The connectors' own SQL (migrations, sealing of plain secrets) on embedded Derby and on PostgreSQL. */
class ConnectionTablesTest {

    private final SecretBox box = new SecretBox(SecretBoxTest.KEY);

    @ParameterizedTest
    @ValueSource(strings = {"derby", "postgresql"})
    void rowsFromBeforeSealingAreMarkedByTheMigrationThenSealedOnce(String product) throws SQLException {
        DataSource ds = Databases.of(product);
        Databases.migrate(ds, "V1__connections_raw_payloads_failures_history.sql");
        insertPlain(ds, "c-old-1", "zd-secret-1", null, null);
        insertPlain(ds, "c-old-2", null, "polling-password", "AT-CODE-9");
        Databases.migrate(ds, null);

        assertEquals(2, PlainSecrets.seal(ds, box));
        assertEquals(0, PlainSecrets.seal(ds, box), "sealed once: a second server finds nothing left to seal");
        try (Connection c = ds.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT id, signing_secret, secret, integration_code, secrets_sealed"
                        + " FROM connectors_connection ORDER BY id");
                ResultSet rs = q.executeQuery()) {
            assertTrue(rs.next());
            assertEquals("c-old-1", rs.getString(1));
            assertTrue(rs.getBoolean(5));
            assertFalse(rs.getString(2).contains("zd-secret"), "no plain secret left: " + rs.getString(2));
            assertEquals("zd-secret-1", box.open(rs.getString(2), ConnectionSecrets.context("c-old-1", "signing_secret")));
            assertNull(rs.getString(3));
            assertTrue(rs.next());
            assertEquals("polling-password", box.open(rs.getString(3), ConnectionSecrets.context("c-old-2", "secret")));
            assertEquals("AT-CODE-9", box.open(rs.getString(4), ConnectionSecrets.context("c-old-2", "integration_code")));
            assertFalse(rs.next());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"derby", "postgresql"})
    void theWidenedColumnsHoldTheLongestSealedSecrets(String product) throws SQLException {
        DataSource ds = Databases.of(product);
        Databases.migrate(ds, null);
        insertPlain(ds, "c-long", box.seal("€".repeat(512), "a"), box.seal("€".repeat(900), "b"), box.seal("€".repeat(255), "c"));
        try (Connection c = ds.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT secrets_sealed FROM connectors_connection WHERE id = 'c-long'");
                ResultSet rs = q.executeQuery()) {
            assertTrue(rs.next());
            assertFalse(rs.getBoolean(1), "a row written without the flag (an older server) counts as plain");
        }
    }

    /** A row as the schema before sealing (or an older server) writes it: no secrets_sealed column value. */
    static void insertPlain(DataSource ds, String id, String signingSecret, String secret, String integrationCode)
            throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO connectors_connection (id, tenant_id, platform,"
                        + " token_hash, signing_secret, secret, integration_code, poll_seconds, created_at)"
                        + " VALUES (?, 'acme', ?, ?, ?, ?, ?, 0, ?)")) {
            insert.setString(1, id);
            insert.setString(2, "p-" + id);
            insert.setString(3, ("h-" + id + "-".repeat(64)).substring(0, 64));
            insert.setString(4, signingSecret);
            insert.setString(5, secret);
            insert.setString(6, integrationCode);
            insert.setTimestamp(7, Timestamp.from(Instant.parse("2026-03-01T00:00:00Z")));
            insert.executeUpdate();
        }
    }
}
