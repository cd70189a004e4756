package omega.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import omega.platform.api.IdempotencyGuard;
import omega.platform.api.MessageKey;

/**
 * Processed-message records ({@code platform_processed_message}). Joins the caller's transaction, so the
 * record commits together with the state change it guards; a concurrent duplicate fails on the primary key
 * and is rolled back and redelivered, then seen as processed.
 */
@ApplicationScoped
public class ProcessedMessages implements IdempotencyGuard {

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(MessageKey key) {
        Number seen = (Number) em.createNativeQuery("SELECT COUNT(*) FROM platform_processed_message "
                + "WHERE consumer = ? AND tenant_id = ? AND source = ? AND external_id = ? AND version = ?")
                .setParameter(1, key.consumer()).setParameter(2, key.tenantId()).setParameter(3, key.source())
                .setParameter(4, key.externalId()).setParameter(5, key.version())
                .getSingleResult();
        if (seen.longValue() > 0) {
            return false;
        }
        em.createNativeQuery("INSERT INTO platform_processed_message "
                + "(consumer, tenant_id, source, external_id, version, processed_at) VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)")
                .setParameter(1, key.consumer()).setParameter(2, key.tenantId()).setParameter(3, key.source())
                .setParameter(4, key.externalId()).setParameter(5, key.version())
                .executeUpdate();
        return true;
    }
}
