package omega.titans.control;

import com.google.protobuf.InvalidProtocolBufferException;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Multinomial logistic regression (Tribuo, AdaGrad SGD) over {@link TextFeatures}; predicts class probabilities. */
final class LogisticRegression {

    private static final LabelFactory LABELS = new LabelFactory();
    /** Tribuo logs every training at INFO; kept in a field so the level sticks (JUL holds loggers weakly). */
    private static final Logger TRIBUO_SGD = Logger.getLogger("org.tribuo.common.sgd.AbstractSGDTrainer");

    static {
        TRIBUO_SGD.setLevel(Level.WARNING);
    }

    private final Model<Label> model;

    private LogisticRegression(Model<Label> model) {
        this.model = model;
    }

    /** One training row: features, class, and the example's weight in the loss. */
    record Row(TextFeatures.Vector features, String value, float weight) {
    }

    static LogisticRegression fit(List<Row> rows, int epochs, long seed) {
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("omega history", LABELS), LABELS);
        for (Row row : rows) {
            ArrayExample<Label> example = new ArrayExample<>(new Label(row.value()), row.features().names(), row.features().values());
            example.setWeight(row.weight());
            data.add(example);
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(1.0, 0.1), epochs,
                Integer.MAX_VALUE, 1, seed);
        return new LogisticRegression(trainer.train(data));
    }

    /** @return probability per class (every class the model was trained on) */
    Map<String, Double> probabilities(TextFeatures.Vector features) {
        Example<Label> example = new ArrayExample<>(LABELS.getUnknownOutput(), features.names(), features.values());
        Prediction<Label> prediction = model.predict(example);
        Map<String, Double> probabilities = new HashMap<>();
        prediction.getOutputScores().forEach((value, label) -> probabilities.put(value, label.getScore()));
        return probabilities;
    }

    byte[] toBytes() {
        return model.serialize().toByteArray();
    }

    @SuppressWarnings("unchecked")
    static LogisticRegression fromBytes(byte[] bytes) {
        try {
            Model<?> model = Model.deserialize(ModelProto.parseFrom(bytes));
            if (!model.validate(Label.class)) {
                throw new IllegalArgumentException("not a classification model");
            }
            return new LogisticRegression((Model<Label>) model);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("corrupt classifier bytes", e);
        }
    }
}
