package omega.connectors.control;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

import omega.platform.control.SchemaMigrations;

/**
 * The two databases OMEGA runs on, for tests of the connectors' SQL: a fresh in-memory Derby database, or a fresh
 * schema in the machine's PostgreSQL (127.0.0.1:5432, trust auth, user postgres; the test is skipped when it is
 * not reachable, and fails instead when OMEGA_IT_REQUIRE_SERVICES=true).
 */
final class Databases {

    private static final String PG_DATABASE = "omega_connectors_test";

    private Databases() {
    }

    static DataSource derby() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:connectors-" + UUID.randomUUID());
        ds.setCreateDatabase("create");
        return ds;
    }

    static DataSource postgres() {
        String user = System.getProperty("omega.it.pg.user", "postgres");
        try {
            PGSimpleDataSource admin = pg(user, "postgres");
            try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
                try (ResultSet exists = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + PG_DATABASE + "'")) {
                    if (!exists.next()) {
                        s.execute("CREATE DATABASE " + PG_DATABASE);
                    }
                }
            }
            String schema = "conn_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
            PGSimpleDataSource ds = pg(user, PG_DATABASE);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            ds.setCurrentSchema(schema);
            return ds;
        } catch (SQLException e) {
            String message = "PostgreSQL at 127.0.0.1:5432 (user " + user + ") is not usable: " + e.getMessage();
            if (Boolean.parseBoolean(System.getenv("OMEGA_IT_REQUIRE_SERVICES"))) {
                throw new IllegalStateException(message, e);
            }
            Assumptions.abort(message);
            return null;
        }
    }

    private static PGSimpleDataSource pg(String user, String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"127.0.0.1"});
        ds.setPortNumbers(new int[] {5432});
        ds.setUser(user);
        ds.setDatabaseName(database);
        ds.setConnectTimeout(3);
        return ds;
    }

    static DataSource of(String product) {
        return "postgresql".equals(product) ? postgres() : derby();
    }

    /** Migrates the connectors schema up to and including {@code lastScript} (null = every listed script). */
    static void migrate(DataSource ds, String lastScript) throws SQLException {
        ClassLoader parent = Databases.class.getClassLoader();
        ClassLoader loader = lastScript == null ? parent : new ClassLoader(parent) {
            @Override
            public InputStream getResourceAsStream(String name) {
                if (!name.equals("db/migration/connectors/index.txt")) {
                    return super.getResourceAsStream(name);
                }
                String index = IndexHolder.read(parent);
                String upTo = index.substring(0, index.indexOf(lastScript) + lastScript.length());
                return new ByteArrayInputStream(upTo.getBytes(StandardCharsets.UTF_8));
            }
        };
        SchemaMigrations.migrate(ds, "connectors", loader);
    }

    private static final class IndexHolder {
        static String read(ClassLoader loader) {
            try (InputStream in = loader.getResourceAsStream("db/migration/connectors/index.txt")) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
