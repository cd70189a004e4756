package omega.platform.control;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import omega.platform.entity.ApiKey;
import omega.platform.entity.Tenant;

/** Tenants and their API keys. Verified keys are cached by lookup id (the cache holds only hashes). */
@ApplicationScoped
public class Tenants {

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    private final ConcurrentMap<String, ApiKey> keys = new ConcurrentHashMap<>();

    /** @return the tenant the key belongs to, empty when the key is unknown */
    public Optional<String> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.length() < 16 || presentedKey.length() > 512) {
            return Optional.empty();
        }
        String lookup = ApiKeyHasher.lookup(presentedKey);
        ApiKey key = keys.get(lookup);
        if (key == null) {
            key = find(lookup);
            if (key == null) {
                return Optional.empty();
            }
            keys.put(lookup, key);
        }
        return ApiKeyHasher.matches(key.salt(), key.hash(), presentedKey) ? Optional.of(key.tenantId())
                : Optional.empty();
    }

    @Transactional
    public ApiKey find(String lookup) {
        return em.find(ApiKey.class, lookup);
    }

    @Transactional
    public boolean exists(String tenantId) {
        return tenantId != null && em.find(Tenant.class, tenantId) != null;
    }

    /** @return true when the tenant was created by this call */
    @Transactional
    public boolean ensureTenant(String tenantId) {
        if (em.find(Tenant.class, tenantId) != null) {
            return false;
        }
        em.persist(new Tenant(tenantId, Instant.now()));
        return true;
    }

    @Transactional
    public long keyCount(String tenantId) {
        return em.createQuery("select count(k) from ApiKey k where k.tenantId = :t", Long.class)
                .setParameter("t", tenantId).getSingleResult();
    }

    /** Stores a key (only its salted hash). Idempotent for the same key and tenant. */
    @Transactional
    public void addKey(String tenantId, String plainKey) {
        String lookup = ApiKeyHasher.lookup(plainKey);
        ApiKey existing = em.find(ApiKey.class, lookup);
        if (existing != null) {
            if (!existing.tenantId().equals(tenantId)) {
                throw new IllegalArgumentException("This API key is already registered for another tenant");
            }
            return;
        }
        String salt = ApiKeyHasher.newSalt();
        em.persist(new ApiKey(lookup, tenantId, salt, ApiKeyHasher.hash(salt, plainKey), Instant.now()));
    }

    @Transactional
    public List<String> tenantIds() {
        return em.createQuery("select t.id from Tenant t order by t.id", String.class).getResultList();
    }
}
