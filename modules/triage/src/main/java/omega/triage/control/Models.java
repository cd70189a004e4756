package omega.triage.control;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import omega.platform.api.PlatformReady;
import omega.titans.api.ModelVersion;
import omega.titans.api.TitanTrainer;
import omega.triage.api.ModelInfo;
import omega.triage.entity.ModelRecord;

/**
 * Stored model versions (the local titan's exported bytes, per tenant and label) and which are installed in this
 * process. At start, and every {@code triage.models.refresh-ms} after, the newest version of every (tenant, label) is
 * installed into the local titan when this process does not have it yet: a model trained by another process
 * (perimeter vs worker) reaches every process without a restart.
 */
@ApplicationScoped
public class Models {

    private static final Logger LOG = Logger.getLogger(Models.class.getName());

    @PersistenceContext(unitName = "triage")
    EntityManager em;

    @Inject
    TitanTrainer trainer;

    @Inject
    Models self;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "triage.models.refresh-ms", defaultValue = "10000")
    long refreshMs;

    private final Map<String, Map<String, ModelInfo>> current = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread refresher;

    void start(@Observes PlatformReady ready) {
        try {
            self.refresh();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Loading the stored triage models failed; retrying in the background", e);
        }
        running = true;
        refresher = threads.newThread(this::loop);
        refresher.setName("omega-triage-models");
        refresher.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        if (refresher != null) {
            refresher.interrupt();
        }
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(refreshMs);
                self.refresh();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Refreshing the triage models failed: " + e);
            }
        }
    }

    /** Installs the newest stored version of every (tenant, label) that this process does not have yet. */
    @Transactional
    public void refresh() {
        List<Object[]> rows = em.createQuery("select m.id, m.tenantId, m.label, m.trainedAt, m.trainingSize, m.values"
                + " from ModelRecord m", Object[].class).getResultList();
        Map<String, Object[]> newest = new HashMap<>();
        for (Object[] row : rows) {
            String key = row[1] + "\u0000" + row[2];
            Object[] seen = newest.get(key);
            if (seen == null || ((Instant) row[3]).isAfter((Instant) seen[3])) {
                newest.put(key, row);
            }
        }
        for (Object[] row : newest.values()) {
            String tenantId = (String) row[1];
            String label = (String) row[2];
            ModelInfo installed = current.getOrDefault(tenantId, Map.of()).get(label);
            if (installed != null && !((Instant) row[3]).isAfter(installed.trainedAt())) {
                continue;
            }
            ModelRecord record = em.find(ModelRecord.class, row[0]);
            try {
                trainer.install(record.model());
                remember(tenantId, new ModelInfo(label, record.id(), record.trainedAt(), record.trainingSize(),
                        values(record.values())));
                LOG.info("Installed triage model " + record.id() + " (" + tenantId + "/" + label + ")");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Cannot install stored model " + record.id() + ": " + e.getMessage());
            }
        }
    }

    /** Stores a version the local titan just trained and installed. */
    @Transactional
    public void save(ModelVersion version, byte[] bytes, Set<String> values) {
        em.persist(new ModelRecord(version.id(), version.tenantId(), version.label(), version.trainedAt(),
                version.trainingSize(), String.join("\n", new TreeSet<>(values)), bytes));
        remember(version.tenantId(), new ModelInfo(version.label(), version.id(), version.trainedAt(),
                version.trainingSize(), new TreeSet<>(values)));
    }

    /** @return label → its values, for every label the tenant has a model of */
    public Map<String, Set<String>> labelSets(String tenantId) {
        Map<String, Set<String>> sets = new TreeMap<>();
        current.getOrDefault(tenantId, Map.of()).forEach((label, info) -> sets.put(label, info.values()));
        return sets;
    }

    public List<ModelInfo> models(String tenantId) {
        return current.getOrDefault(tenantId, Map.of()).values().stream()
                .sorted(Comparator.comparing(ModelInfo::label)).toList();
    }

    public Optional<Instant> lastTrained(String tenantId) {
        return current.getOrDefault(tenantId, Map.of()).values().stream().map(ModelInfo::trainedAt)
                .max(Comparator.naturalOrder());
    }

    private void remember(String tenantId, ModelInfo info) {
        current.computeIfAbsent(tenantId, t -> new ConcurrentHashMap<>()).merge(info.label(), info,
                (old, fresh) -> fresh.trainedAt().isBefore(old.trainedAt()) ? old : fresh);
    }

    private static Set<String> values(String joined) {
        Set<String> values = new TreeSet<>();
        for (String v : joined.split("\n")) {
            if (!v.isEmpty()) {
                values.add(v);
            }
        }
        return values;
    }
}
