package omega.platform.control;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import omega.platform.entity.Employee;
import omega.platform.entity.EmployeeSession;

/**
 * Server-side dashboard sessions. The browser holds a 256-bit random token in an HttpOnly cookie; the table
 * holds its SHA-256, the employee, the CSRF token and the expiry. Expired rows are deleted at each sign-in.
 */
@ApplicationScoped
public class EmployeeSessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "omega.auth.session-ttl", defaultValue = "PT8H")
    Duration ttl;

    /** A session as the filter sees it: who, which tenant, which role, its CSRF token. */
    public record Active(String userId, String tenantId, String email, String role, String csrfToken,
            Instant expiresAt) {
    }

    /** A fresh session: the plain token goes into the cookie once and is never stored. */
    public record Opened(String token, Active session) {
    }

    public Duration ttl() {
        return ttl;
    }

    @Transactional
    public Opened open(Employee employee) {
        Instant now = Instant.now();
        em.createQuery("delete from EmployeeSession s where s.expiresAt < :now").setParameter("now", now)
                .executeUpdate();
        String token = randomToken();
        String csrf = randomToken();
        Instant expires = now.plus(ttl);
        em.persist(new EmployeeSession(hash(token), employee.id(), employee.tenantId(), csrf, now, expires));
        return new Opened(token, new Active(employee.id(), employee.tenantId(), employee.email(), employee.role(),
                csrf, expires));
    }

    /** @return the unexpired session of this token whose employee still exists */
    @Transactional
    public Optional<Active> find(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        EmployeeSession s = em.find(EmployeeSession.class, hash(token));
        if (s == null || !s.expiresAt().isAfter(Instant.now())) {
            return Optional.empty();
        }
        Employee e = em.find(Employee.class, s.userId());
        if (e == null || !e.tenantId().equals(s.tenantId())) {
            return Optional.empty();
        }
        return Optional.of(new Active(e.id(), e.tenantId(), e.email(), e.role(), s.csrfToken(), s.expiresAt()));
    }

    @Transactional
    public void close(String token) {
        if (token != null && token.length() <= 100) {
            em.createQuery("delete from EmployeeSession s where s.tokenHash = :h").setParameter("h", hash(token))
                    .executeUpdate();
        }
    }

    public static boolean sameToken(String expected, String presented) {
        return presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String hash(String token) {
        return ApiKeyHasher.hash("session", token);
    }
}
