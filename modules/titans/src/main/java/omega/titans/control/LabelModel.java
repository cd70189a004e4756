package omega.titans.control;

import omega.titans.api.Alternative;
import omega.titans.api.ModelVersion;
import omega.titans.api.Tier;
import omega.titans.api.TitanAnswer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * One trained, immutable version of a tenant's model for one label: the classifier with its temperature, tier
 * thresholds and exemplars. A cold model (no history, or a single value) answers undecided and says why. Stored as
 * bytes: gzip of a small header and fields in {@link DataOutputStream} format, the classifier as Tribuo's protobuf
 * (no Java serialization, so loading stored bytes cannot run code).
 */
final class LabelModel {

    static final String TITAN_ID = "local";
    private static final int FORMAT = 1;
    private static final int MAGIC = 0x4F4C5431; // "OLT1"
    private static final int ALTERNATIVES = 5;
    private static final int NEAREST = 3;

    private final ModelVersion version;
    private final String embeddingModel;
    private final TextFeatures features;
    private final LogisticRegression classifier;
    private final Temperature temperature;
    private final TierThresholds thresholds;
    private final Exemplars exemplars;
    private final String coldReason;

    LabelModel(ModelVersion version, String embeddingModel, TextFeatures features, LogisticRegression classifier,
               Temperature temperature, TierThresholds thresholds, Exemplars exemplars) {
        this(version, embeddingModel, features, classifier, temperature, thresholds, exemplars, null);
    }

    private LabelModel(ModelVersion version, String embeddingModel, TextFeatures features, LogisticRegression classifier,
                       Temperature temperature, TierThresholds thresholds, Exemplars exemplars, String coldReason) {
        this.version = version;
        this.embeddingModel = embeddingModel;
        this.features = features;
        this.classifier = classifier;
        this.temperature = temperature;
        this.thresholds = thresholds;
        this.exemplars = exemplars;
        this.coldReason = coldReason;
    }

    static LabelModel cold(ModelVersion version, String embeddingModel, String reason) {
        return new LabelModel(version, embeddingModel, TextFeatures.EMBEDDING_ONLY, null, Temperature.NONE,
                TierThresholds.ALWAYS_MANUAL, Exemplars.sample(List.of()), reason);
    }

    ModelVersion version() {
        return version;
    }

    String embeddingModel() {
        return embeddingModel;
    }

    boolean cold() {
        return classifier == null;
    }

    Temperature temperature() {
        return temperature;
    }

    TierThresholds thresholds() {
        return thresholds;
    }

    /** @return the probability of every value the model knows, after temperature scaling if {@code calibrated} */
    Map<String, Double> probabilities(String text, float[] embedding, boolean calibrated) {
        if (cold()) {
            return Map.of();
        }
        Map<String, Double> raw = classifier.probabilities(features.encode(text, embedding));
        return calibrated ? temperature.apply(raw) : raw;
    }

    /** The answer among {@code allowed}: probabilities renormalized over the allowed values the model knows. */
    TitanAnswer answer(String text, float[] embedding, Set<String> allowed) {
        if (cold()) {
            return TitanAnswer.undecided(TITAN_ID, version.id(), coldReason);
        }
        Map<String, Double> allowedProbabilities = new HashMap<>();
        probabilities(text, embedding, true).forEach((value, p) -> {
            if (allowed.contains(value)) {
                allowedProbabilities.put(value, p);
            }
        });
        double mass = allowedProbabilities.values().stream().mapToDouble(Double::doubleValue).sum();
        if (allowedProbabilities.isEmpty() || !(mass > 0)) {
            return TitanAnswer.undecided(TITAN_ID, version.id(),
                    "no allowed value of " + version.label() + " occurs in this tenant's training history");
        }
        List<Alternative> ranked = new ArrayList<>();
        allowedProbabilities.forEach((value, p) -> ranked.add(new Alternative(value, Math.min(1, p / mass))));
        ranked.sort(Comparator.comparingDouble(Alternative::confidence).reversed().thenComparing(Alternative::value));
        Alternative best = ranked.get(0);
        Tier tier = thresholds.tier(best.value(), best.confidence());
        return new TitanAnswer(best.value(), best.confidence(), ranked.subList(0, Math.min(ALTERNATIVES, ranked.size())),
                TITAN_ID, version.id(), tier, "nearest training examples: " + exemplars.nearest(embedding, NEAREST));
    }

    byte[] toBytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes));
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(version.id());
            out.writeUTF(version.tenantId());
            out.writeUTF(version.label());
            out.writeLong(version.trainedAt().toEpochMilli());
            out.writeInt(version.trainingSize());
            out.writeUTF(embeddingModel);
            out.writeBoolean(cold());
            if (cold()) {
                out.writeUTF(coldReason);
            } else {
                out.writeBoolean(features.lexical());
                out.writeDouble(features.lexicalWeight());
                out.writeDouble(temperature.value());
                thresholds.write(out);
                exemplars.write(out);
                byte[] classifierBytes = classifier.toBytes();
                out.writeInt(classifierBytes.length);
                out.write(classifierBytes);
            }
            out.close();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LabelModel fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(bytes)))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a local titan model");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unsupported local titan model format " + format);
            }
            ModelVersion version = new ModelVersion(in.readUTF(), in.readUTF(), in.readUTF(),
                    Instant.ofEpochMilli(in.readLong()), in.readInt());
            String embeddingModel = in.readUTF();
            if (in.readBoolean()) {
                return cold(version, embeddingModel, in.readUTF());
            }
            TextFeatures features = new TextFeatures(in.readBoolean(), in.readDouble());
            Temperature temperature = new Temperature(in.readDouble());
            TierThresholds thresholds = TierThresholds.read(in);
            Exemplars exemplars = Exemplars.read(in);
            byte[] classifierBytes = new byte[in.readInt()];
            in.readFully(classifierBytes);
            return new LabelModel(version, embeddingModel, features, LogisticRegression.fromBytes(classifierBytes),
                    temperature, thresholds, exemplars);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a readable local titan model", e);
        }
    }
}
