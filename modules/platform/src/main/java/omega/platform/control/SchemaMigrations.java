package omega.platform.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Versioned schema migrations (Flyway), one history table per module ({@code <module>_schema_history}),
 * scripts under {@code db/migration/<module>} listed in its {@code index.txt}. {@code ${text}} in a script is CLOB on Derby, TEXT on PostgreSQL; {@code ${bytes}} is BLOB, BYTEA.
 */
public final class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    private SchemaMigrations() {
    }

    /** @return the database product name */
    public static String migrate(DataSource dataSource, String modules, ClassLoader loader) throws SQLException {
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        }
        boolean postgres = product.toLowerCase(Locale.ROOT).contains("postgres");
        List<String> names = Arrays.stream(modules.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String module : names) {
            MigrateResult result = Flyway.configure(loader)
                    .dataSource(dataSource)
                    .resourceProvider(new IndexedMigrations(loader, module))
                    .locations(new String[0])
                    .callbackLocations(new String[0])
                    .skipDefaultCallbacks(true)
                    .table(module + "_schema_history")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .placeholders(Map.of("text", postgres ? "TEXT" : "CLOB", "bytes", postgres ? "BYTEA" : "BLOB"))
                    .load()
                    .migrate();
            LOG.info("Schema of module " + module + " on " + product + ": " + result.migrationsExecuted
                    + " migration(s) applied, now at version " + result.targetSchemaVersion);
        }
        return product;
    }
}
