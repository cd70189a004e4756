package omega.titans.control;

import omega.platform.control.PythonShuffle;
import omega.platform.control.MiniLmEmbeddings;
import omega.titans.api.TitanAnswer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The local titan on the Endava ticket subset: label {@code category} from title + body, the reference split
 * (CPython {@code random.Random(42).shuffle(list(range(n)))}, first 80 % train, rest test). Trains the feature
 * variants, picks nothing on the test set (the variant table shows train cross-validation macro-F1 next to test),
 * and reports the default model's quality, calibration, tiers, embedding throughput and decision latency as
 * markdown. Run from /work/main (see docs/benchmarks.md):
 * <pre>mvn -q -pl modules/titans test-compile exec:java -Dexec.classpathScope=test
 *   -Dexec.mainClass=omega.titans.control.EvaluateOnDataset [-Dexec.args=path/to.csv] [-Domega.report=out.md]</pre>
 * Without the file it says so and exits 0.
 */
public final class EvaluateOnDataset {

    private static final String FILE = "endava-tickets-subset.csv";
    private static final String LABEL = "category";

    private EvaluateOnDataset() {
    }

    public static void main(String[] args) throws IOException {
        Path csv = locate(args.length > 0 ? args[0] : System.getProperty("omega.dataset"));
        if (csv == null) {
            System.out.println("SKIPPED: " + FILE + " not found (pass its path as the first argument or -Domega.dataset)");
            return;
        }
        List<Map<String, String>> rows = TicketCsv.read(csv);
        List<String> texts = rows.stream().map(r -> (r.get("title").strip() + "\n" + r.get("body").strip()).strip()).toList();
        List<String> values = rows.stream().map(r -> r.get(LABEL)).toList();
        List<Integer> order = PythonShuffle.permutation(rows.size(), 42);
        int trainSize = (int) (0.8 * rows.size());
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "dataset %s: %d rows, train %d, test %d (CPython random.Random(42).shuffle of row indices, first 80 %% train)%n%n",
                csv.getFileName(), rows.size(), trainSize, rows.size() - trainSize));

        MiniLmEmbeddings embeddings = new MiniLmEmbeddings();
        embeddings.embed("warm up");
        List<float[]> vectors = new ArrayList<>(rows.size());
        long start = System.nanoTime();
        for (int i = 0; i < texts.size(); i += 64) {
            vectors.addAll(embeddings.embedAll(texts.subList(i, Math.min(texts.size(), i + 64))));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<String> titles = rows.stream().map(r -> r.get("title")).filter(t -> !t.isBlank()).limit(500).toList();
        long titleStart = System.nanoTime();
        embeddings.embedAll(titles);
        double titleSeconds = (System.nanoTime() - titleStart) / 1e9;
        report.append(String.format(Locale.ROOT, "embedding throughput (one onnxruntime thread): %.1f tickets/s over %d tickets "
                        + "(mean %.0f chars); %.1f titles/s over %d short titles (mean %.0f chars)%n%n",
                rows.size() / seconds, rows.size(), texts.stream().mapToInt(String::length).average().orElse(0),
                titles.size() / titleSeconds, titles.size(), titles.stream().mapToInt(String::length).average().orElse(0)));

        List<LabelModelTrainer.Embedded> train = new ArrayList<>();
        List<LabelModelTrainer.Embedded> test = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            int row = order.get(i);
            (i < trainSize ? train : test).add(new LabelModelTrainer.Embedded("row" + row, texts.get(row), values.get(row), vectors.get(row)));
        }
        Set<String> labelSet = new TreeSet<>(values);

        report.append("| variant | train 5-fold macro-F1 | test accuracy | test macro-F1 | training s |\n|---|---:|---:|---:|---:|\n");
        LabelModelTrainer.Settings base = LabelModelTrainer.Settings.DEFAULT;
        List<Variant> variants = List.of(
                new Variant("embedding only", base.withFeatures(TextFeatures.EMBEDDING_ONLY), false),
                new Variant("hashed n-grams only", base, true),
                new Variant("embedding + n-grams, unweighted classes", base.withClassWeightPower(0), false),
                new Variant("embedding + n-grams, weights ^1", base.withClassWeightPower(1), false),
                new Variant("embedding + n-grams ×0.5", base.withFeatures(new TextFeatures(true, 0.5)), false),
                new Variant("**default**: embedding + n-grams, weights ^0.5, 10 epochs", base, false));
        Run chosen = null;
        for (Variant variant : variants) {
            Run run = run(variant, train, test, labelSet);
            report.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.1f |%n", variant.name(), run.heldOutMacroF1(),
                    run.test().accuracy(), run.test().macroF1(), run.trainingSeconds()));
            chosen = run;
        }

        LabelModel model = chosen.model();
        String majority = train.stream().collect(Collectors.groupingBy(LabelModelTrainer.Embedded::value,
                Collectors.counting())).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        List<Evaluation.Outcome> constant = new ArrayList<>();
        for (LabelModelTrainer.Embedded e : test) {
            constant.add(new Evaluation.Outcome(e.value(), majority, 1, null));
        }
        Evaluation baseline = Evaluation.of(labelSet, constant);
        report.append(String.format(Locale.ROOT, "%nmajority class (%s) on the same split: accuracy %.3f, macro-F1 %.3f%n",
                majority, baseline.accuracy(), baseline.macroF1()));
        List<Evaluation.ValueStats> supported = chosen.test().perValue().stream().filter(v -> v.support() >= 20).toList();
        report.append(String.format(Locale.ROOT, "default model, macro-F1 over the %d values with >= 20 test examples %s: %.3f%n",
                supported.size(), supported.stream().map(Evaluation.ValueStats::value).toList(),
                supported.stream().mapToDouble(Evaluation.ValueStats::f1).average().orElse(0)));
        report.append("\n### default model on the test set\n\n").append(chosen.test().markdown());
        report.append("\nthresholds: ").append(model.thresholds()).append(String.format(Locale.ROOT, "; temperature %.3f%n", model.temperature().value()));
        report.append("\n#### test reliability before calibration (temperature 1)\n\n").append(chosen.uncalibrated().reliability().markdown());
        report.append(latencies(model, embeddings, test, labelSet));
        report.append(String.format(Locale.ROOT, "%nmodel bytes: %d%n", model.toBytes().length));
        System.out.println(report);
        String out = System.getProperty("omega.report");
        if (out != null) {
            Files.writeString(Path.of(out), report);
        }
    }

    private record Variant(String name, LabelModelTrainer.Settings settings, boolean lexicalOnly) {
    }

    private record Run(LabelModel model, double heldOutMacroF1, Evaluation test, Evaluation uncalibrated, double trainingSeconds) {
    }

    private static Run run(Variant variant, List<LabelModelTrainer.Embedded> train, List<LabelModelTrainer.Embedded> test, Set<String> labelSet) {
        LabelModelTrainer trainer = new LabelModelTrainer(variant.settings(), "all-minilm-l6-v2-q", Clock.systemUTC());
        long start = System.nanoTime();
        LabelModelTrainer.Trained trained = trainer.train("endava", LABEL, variant.lexicalOnly() ? withoutEmbeddings(train) : train);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Evaluation.Outcome> heldOut = new ArrayList<>();
        for (Temperature.Observation o : trained.heldOut()) {
            Map.Entry<String, Double> top = LabelModelTrainer.top(o.probabilities());
            heldOut.add(new Evaluation.Outcome(o.truth(), top.getKey(), top.getValue(), null));
        }
        List<Evaluation.Outcome> calibrated = new ArrayList<>();
        List<Evaluation.Outcome> raw = new ArrayList<>();
        for (LabelModelTrainer.Embedded e : variant.lexicalOnly() ? withoutEmbeddings(test) : test) {
            TitanAnswer answer = trained.model().answer(e.text(), e.embedding(), labelSet);
            calibrated.add(new Evaluation.Outcome(e.value(), answer.value(), answer.confidence(), answer.tier()));
            Map.Entry<String, Double> top = LabelModelTrainer.top(trained.model().probabilities(e.text(), e.embedding(), false));
            raw.add(new Evaluation.Outcome(e.value(), top.getKey(), top.getValue(), null));
        }
        return new Run(trained.model(), Evaluation.of(labelSet, heldOut).macroF1(), Evaluation.of(labelSet, calibrated),
                Evaluation.of(labelSet, raw), seconds);
    }

    private static List<LabelModelTrainer.Embedded> withoutEmbeddings(List<LabelModelTrainer.Embedded> examples) {
        return examples.stream().map(e -> new LabelModelTrainer.Embedded(e.reference(), e.text(), e.value(), new float[0])).toList();
    }

    private static String latencies(LabelModel model, MiniLmEmbeddings embeddings, List<LabelModelTrainer.Embedded> test, Set<String> labelSet) {
        for (int i = 0; i < 300; i++) {
            LabelModelTrainer.Embedded e = test.get(i % test.size());
            model.answer(e.text(), e.embedding(), labelSet);
        }
        long[] decision = new long[test.size()];
        for (int i = 0; i < test.size(); i++) {
            LabelModelTrainer.Embedded e = test.get(i);
            long start = System.nanoTime();
            model.answer(e.text(), e.embedding(), labelSet);
            decision[i] = System.nanoTime() - start;
        }
        long[] endToEnd = new long[Math.min(200, test.size())];
        for (int i = 0; i < endToEnd.length; i++) {
            LabelModelTrainer.Embedded e = test.get(i);
            long start = System.nanoTime();
            model.answer(e.text(), embeddings.embed(e.text()), labelSet);
            endToEnd[i] = System.nanoTime() - start;
        }
        return String.format(Locale.ROOT, "%ndecision latency (features + classifier + calibration + tier + 3 nearest exemplars, "
                        + "embedding given), n=%d: P50 %.3f ms, P95 %.3f ms%nclassify end to end incl. embedding, n=%d: P50 %.1f ms, P95 %.1f ms%n",
                decision.length, percentile(decision, 50), percentile(decision, 95), endToEnd.length,
                percentile(endToEnd, 50), percentile(endToEnd, 95));
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(p / 100.0 * sorted.length) - 1] / 1e6;
    }

    private static Path locate(String given) {
        List<String> candidates = given != null ? List.of(given)
                : List.of("../shared/datasets/" + FILE, "../../../shared/datasets/" + FILE, "/work/shared/datasets/" + FILE);
        return candidates.stream().map(Path::of).filter(Files::isRegularFile).findFirst().orElse(null);
    }
}
