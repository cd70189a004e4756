package omega.connectors.control;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import omega.connectors.entity.Connection;
import omega.platform.api.PlatformReady;
import omega.platform.api.ProblemException;
import omega.platform.api.Profile;

/**
 * Connection secrets (signing secret, polling secret, Autotask integration code) are sealed at rest with
 * AES-256-GCM ({@link SecretBox}), bound to their row and column. The key comes from
 * {@code connectors.secrets.key} (base64 of 32 bytes; env {@code CONNECTORS_SECRETS_KEY}, required when several
 * servers share the database), or else from {@code connectors.secrets.key-file}, generated once. Rows written
 * before sealing existed ({@code secrets_sealed = false}) are read as they are and sealed at start-up.
 */
@ApplicationScoped
public class ConnectionSecrets {

    private static final Logger LOG = Logger.getLogger(ConnectionSecrets.class.getName());
    public static final String SIGNING_SECRET = "signing_secret";
    public static final String SECRET = "secret";
    public static final String INTEGRATION_CODE = "integration_code";

    @Inject
    @ConfigProperty(name = "connectors.secrets.key")
    Optional<String> configuredKey;

    /** relative paths resolve against the working directory, which Liberty sets to the server's output directory */
    @Inject
    @ConfigProperty(name = "connectors.secrets.key-file", defaultValue = "connectors-secrets.key")
    String keyFile;

    @Inject
    Profile profile;

    @Resource(lookup = "jdbc/omega-migrations")
    DataSource dataSource;

    private volatile SecretBox box;

    /** Seals the still plain rows once the schema is migrated (servers that serve the API, the ones using secrets). */
    void sealPlainRows(@Observes PlatformReady ready) {
        if (!profile.servesApi()) {
            return;
        }
        try {
            int sealed = PlainSecrets.seal(dataSource, box());
            if (sealed > 0) {
                LOG.info("connectors: sealed the secrets of " + sealed + " connection(s) written before sealing");
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.SEVERE, "connectors: could not seal the plain connection secrets; they stay readable as "
                    + "they are and are sealed on the next start", e);
        }
    }

    public String seal(Connection c, String column, String plain) {
        return box().seal(plain, context(c.id(), column));
    }

    public String signingSecret(Connection c) {
        return open(c, SIGNING_SECRET, c.signingSecret());
    }

    public String secret(Connection c) {
        return open(c, SECRET, c.secret());
    }

    public String integrationCode(Connection c) {
        return open(c, INTEGRATION_CODE, c.integrationCode());
    }

    private String open(Connection c, String column, String stored) {
        if (!c.secretsSealed() || stored == null) {
            return stored;
        }
        try {
            return box().open(stored, context(c.id(), column));
        } catch (SecretBox.SecretUnreadable e) {
            LOG.severe("connectors: the " + column + " of connection " + c.id() + " cannot be opened: " + e.getMessage());
            throw new ProblemException(500, "secret-unreadable", "Connection secret unreadable",
                    "The " + c.platform() + " connection's secret cannot be opened on this server (" + e.getMessage()
                            + "); an operator must fix the key or re-create the connection");
        }
    }

    static String context(String connectionId, String column) {
        return "connectors_connection:" + connectionId + ":" + column;
    }

    SecretBox box() {
        SecretBox b = box;
        if (b == null) {
            synchronized (this) {
                if (box == null) {
                    box = new SecretBox(configuredKey.filter(k -> !k.isBlank()).map(SecretKeyFile::decode)
                            .orElseGet(() -> SecretKeyFile.readOrCreate(Path.of(keyFile))));
                    LOG.info("connectors: connection secrets sealed with key " + box.keyId() + " (from "
                            + (configuredKey.filter(k -> !k.isBlank()).isPresent() ? "connectors.secrets.key"
                                    : Path.of(keyFile).toAbsolutePath()) + ")");
                }
                b = box;
            }
        }
        return b;
    }
}
