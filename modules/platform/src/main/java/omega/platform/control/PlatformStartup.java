package omega.platform.control;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import omega.platform.api.PlatformReady;
import omega.platform.api.Profile;

/**
 * Runs at application start: schema migrations, then the bootstrap tenant and its API key (printed once
 * when generated), then fires {@link PlatformReady}. Message consumers wait for {@link #ready()}.
 */
@ApplicationScoped
public class PlatformStartup {

    private static final Logger LOG = Logger.getLogger(PlatformStartup.class.getName());

    @Resource(lookup = "jdbc/omega-migrations")
    DataSource migrationDataSource;

    @Inject
    Tenants tenants;

    @Inject
    Profile profile;

    @Inject
    Event<PlatformReady> readyEvent;

    @Inject
    @ConfigProperty(name = "omega.schema.modules", defaultValue = "platform")
    String modules;

    @Inject
    @ConfigProperty(name = "omega.bootstrap.tenant", defaultValue = "demo")
    String bootstrapTenant;

    @Inject
    @ConfigProperty(name = "omega.bootstrap.api-key")
    Optional<String> bootstrapKey;

    /** {@code tenant=key;tenant=key} pairs, for demos and tests that need several tenants */
    @Inject
    @ConfigProperty(name = "omega.bootstrap.extra-tenants")
    Optional<String> extraTenants;

    @Inject
    Employees employees;

    @Inject
    @ConfigProperty(name = "omega.bootstrap.admin-email")
    Optional<String> bootstrapAdminEmail;

    @Inject
    @ConfigProperty(name = "omega.bootstrap.admin-password")
    Optional<String> bootstrapAdminPassword;

    private final CompletableFuture<String> ready = new CompletableFuture<>();

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        try {
            String product = SchemaMigrations.migrate(migrationDataSource, modules, getClass().getClassLoader());
            if (profile.servesApi()) {
                bootstrapTenants();
            }
            ready.complete(product);
            readyEvent.fire(new PlatformReady(product));
            LOG.info("OMEGA platform ready (profile " + profile.key() + ", database " + product + ")");
        } catch (Exception e) {
            ready.completeExceptionally(e);
            LOG.log(Level.SEVERE, "OMEGA platform failed to start: " + e.getMessage(), e);
        }
    }

    public CompletableFuture<String> ready() {
        return ready;
    }

    private void bootstrapTenants() {
        String tenant = bootstrapTenant.trim();
        validateTenantId(tenant);
        tenants.ensureTenant(tenant);
        if (bootstrapKey.isPresent() && !bootstrapKey.get().isBlank()) {
            tenants.addKey(tenant, bootstrapKey.get().trim());
        } else if (tenants.keyCount(tenant) == 0) {
            String key = ApiKeyHasher.generateKey();
            tenants.addKey(tenant, key);
            // printed exactly once, when generated; only its salted hash is stored
            System.out.println("================================================================");
            System.out.println(" OMEGA bootstrap tenant '" + tenant + "' API key (shown once):");
            System.out.println("   " + key);
            System.out.println(" Use it as: Authorization: Bearer <key>");
            System.out.println("================================================================");
        }
        bootstrapAdmin(tenant);
        Arrays.stream(extraTenants.orElse("").split(";")).map(String::trim).filter(s -> !s.isEmpty()).forEach(pair -> {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("omega.bootstrap.extra-tenants: expected tenant=key, got a value without '='");
            }
            String id = pair.substring(0, eq).trim();
            validateTenantId(id);
            tenants.ensureTenant(id);
            tenants.addKey(id, pair.substring(eq + 1).trim());
        });
    }

    /** The bootstrap tenant's first admin, only while it has no users; the password is printed once if generated. */
    private void bootstrapAdmin(String tenant) {
        if (employees.count(tenant) > 0) {
            return;
        }
        String email = bootstrapAdminEmail.filter(s -> !s.isBlank()).map(String::trim).orElse("admin@" + tenant + ".local");
        Optional<String> given = bootstrapAdminPassword.filter(s -> !s.isBlank());
        String password = given.orElseGet(PasswordHasher::generatePassword);
        try {
            employees.create(tenant, email, "admin", password);
        } catch (omega.platform.api.ProblemException e) {
            throw new IllegalArgumentException("OMEGA_BOOTSTRAP_ADMIN_EMAIL/_PASSWORD are not valid: " + e.errors(), e);
        }
        if (given.isEmpty()) {
            // printed exactly once, when generated; only its PBKDF2 hash is stored
            System.out.println("================================================================");
            System.out.println(" OMEGA bootstrap admin of tenant '" + tenant + "' (password shown once):");
            System.out.println("   e-mail:   " + Employees.normalizeEmail(email));
            System.out.println("   password: " + password);
            System.out.println(" Sign in at / (the dashboard); create further users under Setup.");
            System.out.println("================================================================");
        }
    }

    static void validateTenantId(String tenant) {
        if (!tenant.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("Tenant id '" + tenant
                    + "' is not valid: use 1-63 lower-case letters, digits and dashes");
        }
    }
}
