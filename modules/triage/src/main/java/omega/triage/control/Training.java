package omega.triage.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import omega.titans.api.LabelledExample;
import omega.titans.api.ModelEvaluation;
import omega.titans.api.ModelVersion;
import omega.titans.api.TitanTrainer;
import omega.triage.api.ModelsOverview;

/**
 * Trains a tenant's models, one per label found in its labelled history, in the background on the managed executor:
 * decisions keep using the current versions until the new ones are stored and installed. One training per tenant at
 * a time; a request while one runs makes it run once more afterwards. Retrains when
 * {@code triage.retrain.min-new-examples} examples arrived since the last training. The AUTO tier is chosen for the
 * tenant's target precision: {@code triage.tenant.<tenant>.target-precision}, else {@code triage.target-precision}.
 */
@ApplicationScoped
public class Training {

    private static final Logger LOG = Logger.getLogger(Training.class.getName());

    @Inject
    TitanTrainer trainer;

    @Inject
    Examples examples;

    @Inject
    Models models;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "triage.retrain.min-new-examples", defaultValue = "50")
    long minNewExamples;

    @Inject
    @ConfigProperty(name = "triage.evaluate.max-examples", defaultValue = "3000")
    int maxEvaluated;

    @Inject
    Config config;

    private final Map<String, Boolean> running = new ConcurrentHashMap<>();
    private final Map<String, String> lastError = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> completed = new ConcurrentHashMap<>();

    /** Starts a training of every label of the tenant in the background. @return true (started or queued) */
    public boolean train(String tenantId) {
        if (running.putIfAbsent(tenantId, Boolean.FALSE) != null) {
            running.put(tenantId, Boolean.TRUE); // run again when the current one is done
            return true;
        }
        executor.submit(() -> run(tenantId));
        return true;
    }

    /** Trains again when enough new labelled examples arrived since the last training; never waits for it. */
    public boolean maybeRetrain(String tenantId) {
        Instant since = models.lastTrained(tenantId).orElse(Instant.EPOCH);
        if (examples.countSince(tenantId, since) >= minNewExamples) {
            return train(tenantId);
        }
        return false;
    }

    private void run(String tenantId) {
        try {
            do {
                running.put(tenantId, Boolean.FALSE);
                trainOnce(tenantId);
            } while (Boolean.TRUE.equals(running.get(tenantId)));
        } finally {
            running.remove(tenantId);
        }
    }

    private void trainOnce(String tenantId) {
        long start = System.nanoTime();
        try {
            List<LabelledExample> history = examples.all(tenantId);
            for (String label : labels(history)) {
                ModelVersion version = trainer.train(tenantId, label, history, targetPrecision(tenantId))
                        .toCompletableFuture().join();
                byte[] bytes = trainer.export(tenantId, label).orElseThrow();
                Set<String> values = new TreeSet<>();
                history.forEach(e -> {
                    String v = e.labels().get(label);
                    if (v != null) {
                        values.add(v);
                    }
                });
                models.save(version, bytes, values);
            }
            lastError.remove(tenantId);
            completed.computeIfAbsent(tenantId, t -> new AtomicInteger()).incrementAndGet();
            LOG.info("Trained triage models of tenant " + tenantId + " on " + history.size() + " examples in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
        } catch (RuntimeException e) {
            lastError.put(tenantId, String.valueOf(e.getMessage()));
            LOG.log(Level.WARNING, "Training the triage models of tenant " + tenantId + " failed", e);
        }
    }

    public ModelsOverview overview(String tenantId) {
        return new ModelsOverview(models.models(tenantId), examples.count(tenantId), running.containsKey(tenantId),
                completed.getOrDefault(tenantId, new AtomicInteger()).get(), lastError.get(tenantId));
    }

    /** Cross-validates every label (or one) on the tenant's history, at most {@code triage.evaluate.max-examples}. */
    public List<ModelEvaluation> evaluate(String tenantId, String label, int folds) {
        List<LabelledExample> history = examples.all(tenantId);
        if (history.size() > maxEvaluated) {
            List<LabelledExample> shuffled = new ArrayList<>(history);
            java.util.Collections.shuffle(shuffled, new java.util.Random(42));
            history = shuffled.subList(0, maxEvaluated);
        }
        List<ModelEvaluation> evaluations = new ArrayList<>();
        for (String l : labels(history)) {
            if (label == null || label.equals(l)) {
                evaluations.add(trainer.evaluate(tenantId, l, history, folds, targetPrecision(tenantId)));
            }
        }
        return evaluations;
    }

    /** @return the tenant's target precision for the AUTO tier (checked: in (0, 1]) */
    public double targetPrecision(String tenantId) {
        return targetPrecision(key -> config.getOptionalValue(key, Double.class), tenantId);
    }

    static double targetPrecision(Function<String, Optional<Double>> lookup, String tenantId) {
        String tenantKey = "triage.tenant." + tenantId + ".target-precision";
        Optional<Double> own = lookup.apply(tenantKey);
        String key = own.isPresent() ? tenantKey : "triage.target-precision";
        double precision = own.or(() -> lookup.apply("triage.target-precision")).orElse(TitanTrainer.DEFAULT_TARGET_PRECISION);
        if (!(precision > 0 && precision <= 1)) {
            throw new IllegalStateException(key + " must be in (0, 1], is " + precision);
        }
        return precision;
    }

    static Set<String> labels(List<LabelledExample> history) {
        Set<String> labels = new TreeSet<>();
        history.forEach(e -> labels.addAll(e.labels().keySet()));
        return labels;
    }
}
