package omega.app.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

/** The machine's PostgreSQL for ITs: skipped with a message when absent, mandatory in CI. */
final class Services {

    static final String PG_HOST = System.getProperty("omega.it.pg.host", "127.0.0.1");
    static final int PG_PORT = Integer.getInteger("omega.it.pg.port", 5432);
    static final String PG_USER = System.getProperty("omega.it.pg.user", System.getProperty("user.name", "postgres"));

    private Services() {
    }

    /** Creates a fresh database and answers its JDBC URL, or skips (fails in CI) without PostgreSQL. */
    static String freshPostgresDatabase(String prefix) {
        String name = prefix + "_" + Long.toString(System.currentTimeMillis(), 36);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/postgres", PG_USER, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String message = "PostgreSQL at " + PG_HOST + ":" + PG_PORT + " (user " + PG_USER + ") is not usable: "
                    + e.getMessage();
            if (Boolean.parseBoolean(System.getenv("OMEGA_IT_REQUIRE_SERVICES"))) {
                throw new IllegalStateException(message, e);
            }
            Assumptions.abort(message + " — skipping the PostgreSQL integration test");
        }
        return "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + name;
    }

    /** A server's environment on a PostgreSQL database and an AMQP 1.0 broker, plus the given entries. */
    static Map<String, String> postgresAndAmqp(String dbUrl, String amqpUrl, String brokerUser, String brokerPassword,
            Map<String, String> more) {
        Map<String, String> env = new HashMap<>(Map.of(
                "OMEGA_DB_URL", dbUrl,
                "OMEGA_DB_USER", PG_USER,
                "OMEGA_DB_PASSWORD", "unused",
                "OMEGA_MESSAGING_PROVIDER", "amqp",
                "OMEGA_MESSAGING_AMQP_URL", amqpUrl,
                "OMEGA_MESSAGING_AMQP_USERNAME", brokerUser,
                "OMEGA_MESSAGING_AMQP_PASSWORD", brokerPassword));
        env.putAll(more);
        return env;
    }

    /** A copy of {@code base} with one more entry. */
    static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
