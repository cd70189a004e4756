package omega.connectors.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Seals the secrets of connection rows written before sealing existed (migration 2 marked them
 * {@code secrets_sealed = false}). Each row is sealed with a conditional UPDATE ({@code … AND secrets_sealed =
 * false}), so servers starting at once never seal a value twice.
 */
final class PlainSecrets {

    private record Row(String id, String signingSecret, String secret, String integrationCode) {
    }

    private PlainSecrets() {
    }

    /** @return how many rows this call sealed */
    static int seal(DataSource dataSource, SecretBox box) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            List<Row> plain = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT id, signing_secret, secret, integration_code"
                    + " FROM connectors_connection WHERE secrets_sealed = FALSE");
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    plain.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            int sealed = 0;
            try (PreparedStatement update = c.prepareStatement("UPDATE connectors_connection SET signing_secret = ?,"
                    + " secret = ?, integration_code = ?, secrets_sealed = TRUE WHERE id = ? AND secrets_sealed = FALSE")) {
                for (Row r : plain) {
                    update.setString(1, box.seal(r.signingSecret(), ConnectionSecrets.context(r.id(), ConnectionSecrets.SIGNING_SECRET)));
                    update.setString(2, box.seal(r.secret(), ConnectionSecrets.context(r.id(), ConnectionSecrets.SECRET)));
                    update.setString(3, box.seal(r.integrationCode(), ConnectionSecrets.context(r.id(), ConnectionSecrets.INTEGRATION_CODE)));
                    update.setString(4, r.id());
                    sealed += update.executeUpdate();
                }
            }
            return sealed;
        }
    }
}
