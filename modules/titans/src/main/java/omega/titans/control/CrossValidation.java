package omega.titans.control;

import omega.titans.api.ModelEvaluation;
import omega.titans.api.Tier;
import omega.titans.api.TitanAnswer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * k-fold cross-validation of one label: each stratified fold is predicted by a model trained (and calibrated) on the
 * other folds exactly as {@link LabelModelTrainer} trains a real one; the held-out answers become an
 * {@link Evaluation}.
 */
final class CrossValidation {

    private final LabelModelTrainer trainer;

    CrossValidation(LabelModelTrainer trainer) {
        this.trainer = trainer;
    }

    ModelEvaluation run(String tenantId, String label, List<LabelModelTrainer.Embedded> history, int folds) {
        int k = Math.max(2, Math.min(folds, history.size()));
        Set<String> values = new TreeSet<>();
        history.forEach(e -> values.add(e.value()));
        List<Evaluation.Outcome> outcomes = new ArrayList<>();
        if (history.size() >= 2 && values.size() >= 2) {
            int[] fold = StratifiedFolds.assign(history.stream().map(LabelModelTrainer.Embedded::value).toList(), k, 42);
            for (int f = 0; f < k; f++) {
                List<LabelModelTrainer.Embedded> training = new ArrayList<>();
                for (int i = 0; i < history.size(); i++) {
                    if (fold[i] != f) {
                        training.add(history.get(i));
                    }
                }
                LabelModel model = trainer.train(tenantId, label, training).model();
                for (int i = 0; i < history.size(); i++) {
                    if (fold[i] == f) {
                        LabelModelTrainer.Embedded e = history.get(i);
                        TitanAnswer answer = model.answer(e.text(), e.embedding(), values);
                        outcomes.add(answer.decided()
                                ? new Evaluation.Outcome(e.value(), answer.value(), answer.confidence(), answer.tier())
                                : new Evaluation.Outcome(e.value(), "(none)", 0, Tier.MANUAL));
                    }
                }
            }
        }
        return toApi(tenantId, label, k, Evaluation.of(values, outcomes));
    }

    static ModelEvaluation toApi(String tenantId, String label, int folds, Evaluation evaluation) {
        Map<String, ModelEvaluation.ValueQuality> perValue = new LinkedHashMap<>();
        evaluation.perValue().forEach(v -> perValue.put(v.value(), new ModelEvaluation.ValueQuality(v.support(),
                v.predicted(), v.precision(), v.recall(), v.f1())));
        Reliability reliability = evaluation.reliability();
        List<ModelEvaluation.ReliabilityBin> bins = reliability.bins().stream()
                .map(b -> new ModelEvaluation.ReliabilityBin(b.lower(), b.upper(), b.count(), b.meanConfidence(), b.accuracy()))
                .toList();
        Map<Tier, ModelEvaluation.TierQuality> tiers = new LinkedHashMap<>();
        for (Tier tier : Tier.values()) {
            Evaluation.TierStats t = evaluation.tier(tier);
            tiers.put(tier, new ModelEvaluation.TierQuality(t.count(), t.coverage(), t.precision()));
        }
        return new ModelEvaluation(tenantId, label, folds, evaluation.size(), evaluation.accuracy(), evaluation.macroF1(),
                perValue, bins, reliability.ece(), tiers);
    }
}
