package omega.platform.control;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import omega.platform.api.ProblemException;
import omega.platform.api.Role;
import omega.platform.entity.Employee;

/** The people of a tenant who sign in to the dashboard: create, list, verify passwords. */
@ApplicationScoped
public class Employees {

    /** a hash to compare against for unknown e-mails, so both paths cost one PBKDF2 run */
    private static final String DUMMY_SALT = PasswordHasher.newSalt();

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "omega.auth.pbkdf2-iterations", defaultValue = "600000")
    int iterations;

    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /** @return the employee whose password matches, empty otherwise (unknown tenant, e-mail or password) */
    @Transactional
    public Optional<Employee> verify(String tenantId, String email, String password) {
        if (tenantId == null || email == null || password == null || password.length() > 1024) {
            return Optional.empty();
        }
        Optional<Employee> found = byEmail(tenantId.trim(), normalizeEmail(email));
        if (found.isEmpty()) {
            PasswordHasher.hash(DUMMY_SALT, password, iterations);
            return Optional.empty();
        }
        Employee e = found.get();
        return PasswordHasher.matches(e.salt(), e.hash(), password, e.iterations()) ? found : Optional.empty();
    }

    @Transactional
    public Optional<Employee> byEmail(String tenantId, String email) {
        return em.createQuery("select e from Employee e where e.tenantId = :t and e.email = :m", Employee.class)
                .setParameter("t", tenantId).setParameter("m", email).getResultStream().findFirst();
    }

    @Transactional
    public Optional<Employee> byId(String id) {
        return Optional.ofNullable(em.find(Employee.class, id));
    }

    @Transactional
    public List<Employee> of(String tenantId) {
        return em.createQuery("select e from Employee e where e.tenantId = :t order by e.email", Employee.class)
                .setParameter("t", tenantId).getResultList();
    }

    @Transactional
    public long count(String tenantId) {
        return em.createQuery("select count(e) from Employee e where e.tenantId = :t", Long.class)
                .setParameter("t", tenantId).getSingleResult();
    }

    /**
     * The employee an identity provider vouched for (OIDC sign-in): created on first sign-in, its role kept in step
     * with the provider's. Such an employee gets a random password nobody knows, so only the provider signs it in.
     */
    @Transactional
    public Employee federated(String tenantId, String email, Role role) {
        String normalized = normalizeEmail(email);
        Optional<Employee> known = byEmail(tenantId, normalized);
        if (known.isPresent()) {
            if (!known.get().role().equals(role.key())) {
                known.get().roleFromProvider(role.key());
            }
            return known.get();
        }
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        return create(tenantId, normalized, role.key(), java.util.Base64.getEncoder().encodeToString(random));
    }

    /** Creates an employee; 400 for an invalid e-mail, role or a short password, 409 for a taken e-mail. */
    @Transactional
    public Employee create(String tenantId, String email, String role, String password) {
        String normalized = normalizeEmail(email);
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (normalized == null || normalized.length() > 254 || !normalized.matches("[^@\\s]+@[^@\\s]+")) {
            errors.put("email", "an e-mail address is required");
        }
        Optional<Role> parsed = Role.of(role);
        if (parsed.isEmpty()) {
            errors.put("role", "one of technician, lead, admin");
        }
        if (password == null || password.length() < PasswordHasher.MIN_LENGTH || password.length() > 1024) {
            errors.put("password", "at least " + PasswordHasher.MIN_LENGTH + " characters");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The user is not valid", errors);
        }
        if (byEmail(tenantId, normalized).isPresent()) {
            throw new ProblemException(409, "conflict", "Conflict", "A user with this e-mail already exists");
        }
        String salt = PasswordHasher.newSalt();
        Employee e = new Employee(UUID.randomUUID().toString(), tenantId, normalized, parsed.get().key(), salt,
                PasswordHasher.hash(salt, password, iterations), iterations, Instant.now());
        em.persist(e);
        return e;
    }
}
