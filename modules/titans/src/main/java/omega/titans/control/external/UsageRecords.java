package omega.titans.control.external;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import omega.titans.api.TitanSpend;
import omega.titans.entity.UsageRecord;

/**
 * The usage ledger's table ({@code titans_usage}): one row per tenant, month, titan and model, incremented in place by
 * every call, so every process sees the same spend and it survives a restart.
 */
@ApplicationScoped
public class UsageRecords {

    @PersistenceContext(unitName = "titans")
    EntityManager em;

    /** Adds one call; in its own transaction (the call was made and paid, whatever its caller's transaction does). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void add(String tenantId, YearMonth month, String titanId, String model, long inputTokens, long outputTokens,
                    double costUsd) {
        int updated = em.createQuery("update UsageRecord u set u.calls = u.calls + 1,"
                        + " u.inputTokens = u.inputTokens + :in, u.outputTokens = u.outputTokens + :out,"
                        + " u.costUsd = u.costUsd + :cost where u.id = :id")
                .setParameter("in", inputTokens).setParameter("out", outputTokens).setParameter("cost", costUsd)
                .setParameter("id", UsageRecord.id(tenantId, month.toString(), titanId, model)).executeUpdate();
        if (updated == 0) {
            em.persist(new UsageRecord(tenantId, month.toString(), titanId, model, 1, inputTokens, outputTokens, costUsd));
            em.flush();
        }
    }

    @Transactional
    public List<TitanSpend> spend(String tenantId, YearMonth month) {
        return em.createQuery("select u from UsageRecord u where u.tenantId = :t and u.month = :m", UsageRecord.class)
                .setParameter("t", tenantId).setParameter("m", month.toString()).getResultList().stream()
                .map(u -> new TitanSpend(u.titanId(), u.model(), u.calls(), u.inputTokens(), u.outputTokens(), u.costUsd()))
                .sorted(Comparator.comparing(TitanSpend::titanId).thenComparing(TitanSpend::model))
                .toList();
    }
}
