package omega.connectors.control;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import omega.connectors.api.HistoryJob;
import omega.connectors.api.HistoryReject;
import omega.connectors.entity.HistoryJobRecord;

/** History import jobs ({@code connectors_history_job}) and their progress, tenant-scoped. */
@ApplicationScoped
public class HistoryJobs {

    static final String RECEIVING = "RECEIVING";
    static final String PROCESSING = "PROCESSING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";
    private static final Jsonb JSON = JsonbBuilder.create();

    /** Counters of a running job. */
    static final class Progress {
        long bytes;
        long rowsRead;
        long accepted;
        long rejected;
        final List<HistoryReject> rejects = new java.util.ArrayList<>();
    }

    @PersistenceContext(unitName = "connectors")
    EntityManager em;

    @Transactional
    public String create(String tenantId, String format) {
        HistoryJobRecord job = new HistoryJobRecord(UUID.randomUUID().toString(), tenantId, format, RECEIVING, Instant.now());
        em.persist(job);
        return job.id();
    }

    @Transactional
    public void update(String id, String status, Progress p, String error) {
        HistoryJobRecord job = em.find(HistoryJobRecord.class, id);
        boolean finished = DONE.equals(status) || FAILED.equals(status);
        job.progress(status, p.bytes, p.rowsRead, p.accepted, p.rejected, JSON.toJson(p.rejects), error,
                finished ? Instant.now() : null);
    }

    @Transactional
    public Optional<HistoryJob> find(String tenantId, String id) {
        HistoryJobRecord j = id == null || id.length() > 36 ? null : em.find(HistoryJobRecord.class, id);
        if (j == null || !j.tenantId().equals(tenantId)) {
            return Optional.empty();
        }
        HistoryReject[] rejects = JSON.fromJson(j.rejects() == null ? "[]" : j.rejects(), HistoryReject[].class);
        return Optional.of(new HistoryJob(j.id(), j.format(), j.status(), j.bytes(), j.rowsRead(), j.accepted(),
                j.rejected(), List.of(rejects), j.error(), j.createdAt(), j.finishedAt()));
    }
}
