package omega.titans.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import omega.platform.api.EmbeddingService;
import omega.titans.api.LabelledExample;
import omega.titans.api.ModelEvaluation;
import omega.titans.api.ModelVersion;
import omega.titans.api.Titan;
import omega.titans.api.TitanAnswer;
import omega.titans.api.TitanRequest;
import omega.titans.api.TitanTrainer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local, offline titan: per tenant and label, a calibrated logistic regression over MiniLM sentence embeddings
 * and hashed word n-grams ({@link LabelModel}). Always available, no network. Training runs on the managed executor;
 * classification keeps using the current model until the new version is installed, and a training started later
 * is never replaced by one started earlier that finished after it.
 */
@ApplicationScoped
public class LocalTitan implements Titan, TitanTrainer {

    @Inject
    EmbeddingService embeddings;

    @Resource
    ManagedExecutorService managedExecutor;

    private Executor executor;
    private Clock clock = Clock.systemUTC();
    private LabelModelTrainer.Settings settings = LabelModelTrainer.Settings.DEFAULT;
    private final Map<Key, Installed> models = new ConcurrentHashMap<>();
    private final AtomicLong trainings = new AtomicLong();

    private record Key(String tenantId, String label) {
    }

    private record Installed(LabelModel model, long sequence) {
    }

    private record Embedded(String text, float[] vector) {
    }

    private final ThreadLocal<Embedded> lastEmbedding = new ThreadLocal<>();

    public LocalTitan() {
    }

    LocalTitan(EmbeddingService embeddings, Executor executor, Clock clock, LabelModelTrainer.Settings settings) {
        this.embeddings = embeddings;
        this.executor = executor;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public String id() {
        return LabelModel.TITAN_ID;
    }

    @Override
    public TitanAnswer classify(TitanRequest request) {
        Installed installed = models.get(new Key(request.tenantId(), request.label()));
        if (installed == null) {
            return TitanAnswer.undecided(id(), null,
                    "cold start: no model for " + request.label() + " of tenant " + request.tenantId() + " yet");
        }
        return installed.model().answer(request.text(), embedding(request.text()), request.allowedValues());
    }

    /**
     * The text's embedding; the last one per thread is kept, so classifying one ticket for several labels (one
     * request per label, on the same thread) embeds its text once.
     */
    private float[] embedding(String text) {
        Embedded last = lastEmbedding.get();
        if (last != null && last.text().equals(text)) {
            return last.vector();
        }
        float[] vector = embeddings.embed(text);
        lastEmbedding.set(new Embedded(text, vector));
        return vector;
    }

    @Override
    public CompletionStage<ModelVersion> train(String tenantId, String label, List<LabelledExample> history,
                                               double targetPrecision) {
        LabelModelTrainer trainer = trainer(targetPrecision);
        long sequence = trainings.incrementAndGet();
        List<LabelledExample> snapshot = List.copyOf(history);
        return CompletableFuture.supplyAsync(() -> {
            LabelModel model = trainer.train(tenantId, label, embedded(label, snapshot)).model();
            install(model, sequence);
            return model.version();
        }, executor());
    }

    @Override
    public Optional<ModelVersion> current(String tenantId, String label) {
        return Optional.ofNullable(models.get(new Key(tenantId, label))).map(i -> i.model().version());
    }

    @Override
    public Optional<byte[]> export(String tenantId, String label) {
        return Optional.ofNullable(models.get(new Key(tenantId, label))).map(i -> i.model().toBytes());
    }

    @Override
    public ModelVersion install(byte[] bytes) {
        LabelModel model = LabelModel.fromBytes(bytes);
        if (!model.embeddingModel().equals(embeddings.modelId())) {
            throw new IllegalArgumentException("model " + model.version().id() + " was trained on " + model.embeddingModel()
                    + " embeddings, this process has " + embeddings.modelId() + ": retrain it");
        }
        install(model, trainings.incrementAndGet());
        return model.version();
    }

    @Override
    public ModelEvaluation evaluate(String tenantId, String label, List<LabelledExample> history, int folds,
                                    double targetPrecision) {
        return new CrossValidation(trainer(targetPrecision)).run(tenantId, label, embedded(label, history), folds);
    }

    private void install(LabelModel model, long sequence) {
        Key key = new Key(model.version().tenantId(), model.version().label());
        models.merge(key, new Installed(model, sequence), (old, fresh) -> fresh.sequence() > old.sequence() ? fresh : old);
    }

    /** The examples that carry a value for {@code label}, with their embeddings (computed in one batch). */
    private List<LabelModelTrainer.Embedded> embedded(String label, List<LabelledExample> history) {
        List<LabelledExample> labelled = history.stream().filter(e -> e.labels().get(label) != null).toList();
        List<float[]> vectors = embeddings.embedAll(labelled.stream().map(LabelledExample::text).toList());
        List<LabelModelTrainer.Embedded> embedded = new ArrayList<>(labelled.size());
        for (int i = 0; i < labelled.size(); i++) {
            LabelledExample e = labelled.get(i);
            embedded.add(new LabelModelTrainer.Embedded(e.reference(), e.text(), e.labels().get(label), vectors.get(i)));
        }
        return embedded;
    }

    private LabelModelTrainer trainer(double targetPrecision) {
        if (!(targetPrecision > 0 && targetPrecision <= 1)) {
            throw new IllegalArgumentException("the target precision must be in (0, 1]: " + targetPrecision);
        }
        return new LabelModelTrainer(settings.withAutoPrecision(targetPrecision), embeddings.modelId(), clock);
    }

    private Executor executor() {
        return executor != null ? executor : managedExecutor;
    }
}
