package omega.titans.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import omega.platform.control.MiniLmEmbeddings;
import omega.titans.api.Alternative;
import omega.titans.api.LabelledExample;
import omega.titans.api.ModelVersion;
import omega.titans.api.Tier;
import omega.titans.api.TitanAnswer;
import omega.titans.api.TitanRequest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

class LocalTitanTest {

    private static final Set<String> VALUES = ToyTickets.WORDS.keySet();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:30:00Z"), ZoneOffset.UTC);

    private static LocalTitan titan(Executor executor) {
        return new LocalTitan(new HashedWordEmbeddings(), executor, CLOCK, LabelModelTrainer.Settings.DEFAULT);
    }

    private static TitanRequest request(String text) {
        return new TitanRequest("acme", "category", text, VALUES);
    }

    @Test
    void learnsASeparableToySetOnMiniLm() {
        LocalTitan titan = new LocalTitan(new MiniLmEmbeddings(), Runnable::run, CLOCK, LabelModelTrainer.Settings.DEFAULT);
        ModelVersion version = titan.train("acme", "category", ToyTickets.generate(20, 0, 1)).toCompletableFuture().join();
        assertEquals(60, version.trainingSize());

        Random random = new Random(99);
        int correct = 0;
        for (int i = 0; i < 30; i++) {
            String value = List.copyOf(new java.util.TreeSet<>(VALUES)).get(i % 3);
            TitanAnswer answer = titan.classify(request(ToyTickets.text(value, random)));
            correct += value.equals(answer.value()) ? 1 : 0;
            assertEquals("local", answer.titanId());
            assertEquals(version.id(), answer.modelVersion());
            assertEquals(answer.value(), answer.alternatives().get(0).value());
            assertTrue(answer.explanation().startsWith("nearest training examples: #T-"), answer.explanation());
        }
        assertTrue(correct >= 28, correct + "/30 right");
        TitanAnswer clear = titan.classify(request("printer toner paper jam in the tray"));
        assertEquals("printing", clear.value());
        assertTrue(clear.confidence() > 0.6, "confidence " + clear.confidence());
    }

    @Test
    void calibratedConfidencesAreProbabilitiesAndTrackAccuracy() {
        LocalTitan titan = titan(Runnable::run);
        titan.train("acme", "category", ToyTickets.generate(150, 0.3, 2)).toCompletableFuture().join();

        List<Evaluation.Outcome> outcomes = new ArrayList<>();
        for (LabelledExample e : ToyTickets.generate(150, 0.3, 3)) {
            TitanAnswer answer = titan.classify(request(e.text()));
            assertTrue(answer.confidence() >= 0 && answer.confidence() <= 1);
            assertTrue(answer.alternatives().stream().mapToDouble(Alternative::confidence).sum() <= 1 + 1e-9);
            outcomes.add(new Evaluation.Outcome(e.labels().get("category"), answer.value(), answer.confidence(), answer.tier()));
        }
        Evaluation evaluation = Evaluation.of(VALUES, outcomes);
        // 30 % of labels are random: the best possible accuracy is 0.8, and confidences must not claim ~1.0
        double meanConfidence = outcomes.stream().mapToDouble(Evaluation.Outcome::confidence).average().orElseThrow();
        assertTrue(Math.abs(meanConfidence - evaluation.accuracy()) < 0.08,
                "mean confidence " + meanConfidence + " vs accuracy " + evaluation.accuracy());
        assertTrue(evaluation.reliability().ece() < 0.1, "ECE " + evaluation.reliability().ece());
    }

    @Test
    void exportedModelGivesIdenticalAnswersAfterInstall() {
        LocalTitan trained = titan(Runnable::run);
        ModelVersion version = trained.train("acme", "category", ToyTickets.generate(40, 0.1, 4)).toCompletableFuture().join();
        byte[] bytes = trained.export("acme", "category").orElseThrow();

        LocalTitan restored = titan(Runnable::run);
        assertEquals(version, restored.install(bytes));
        assertEquals(version, restored.current("acme", "category").orElseThrow());
        Random random = new Random(5);
        for (int i = 0; i < 30; i++) {
            String text = ToyTickets.text(List.copyOf(new java.util.TreeSet<>(VALUES)).get(i % 3), random) + " word" + i;
            assertEquals(trained.classify(request(text)), restored.classify(request(text)));
        }
        LocalTitan again = titan(Runnable::run);
        again.install(restored.export("acme", "category").orElseThrow());
        String text = "vpn wifi router latency";
        assertEquals(trained.classify(request(text)), again.classify(request(text)), "a re-exported model is the same model");
    }

    @Test
    void installRefusesAModelOfAnotherEmbeddingModel() {
        LocalTitan trained = titan(Runnable::run);
        trained.train("acme", "category", ToyTickets.generate(10, 0, 6)).toCompletableFuture().join();
        LocalTitan other = new LocalTitan(new HashedWordEmbeddings("other-model"), Runnable::run, CLOCK, LabelModelTrainer.Settings.DEFAULT);
        byte[] bytes = trained.export("acme", "category").orElseThrow();
        assertThrows(IllegalArgumentException.class, () -> other.install(bytes));
        assertThrows(IllegalArgumentException.class, () -> other.install(new byte[] {1, 2, 3}));
    }

    @Test
    void coldStartAnswersUndecidedAndManual() {
        LocalTitan titan = titan(Runnable::run);
        assertUndecided(titan.classify(request("printer jam")), "no model");

        titan.train("acme", "category", List.of()).toCompletableFuture().join();
        assertUndecided(titan.classify(request("printer jam")), "no labelled history");

        List<LabelledExample> oneValue = ToyTickets.generate(5, 0, 7).stream()
                .map(e -> new LabelledExample(e.text(), Map.of("category", "printing"))).toList();
        ModelVersion version = titan.train("acme", "category", oneValue).toCompletableFuture().join();
        TitanAnswer answer = titan.classify(request("printer jam"));
        assertUndecided(answer, "same value");
        assertEquals(version.id(), answer.modelVersion());

        LocalTitan restored = titan(Runnable::run);
        restored.install(titan.export("acme", "category").orElseThrow());
        assertEquals(answer, restored.classify(request("printer jam")));
    }

    @Test
    void answersStayWithinTheAllowedValues() {
        LocalTitan titan = titan(Runnable::run);
        titan.train("acme", "category", ToyTickets.generate(20, 0, 8)).toCompletableFuture().join();

        TitanAnswer onlyNetwork = titan.classify(new TitanRequest("acme", "category", "printer toner jam", Set.of("network", "billing")));
        assertEquals("network", onlyNetwork.value());
        assertEquals(1.0, onlyNetwork.confidence(), 1e-9);
        assertEquals(1, onlyNetwork.alternatives().size());

        assertUndecided(titan.classify(new TitanRequest("acme", "category", "printer toner jam", Set.of("billing"))), "no allowed value");
        assertUndecided(titan.classify(new TitanRequest("other-tenant", "category", "printer toner jam", VALUES)), "no model");
    }

    @Test
    void trainingRunsOffTheCallersThreadAndTheNewestTrainingWins() {
        Queue<Runnable> queued = new ArrayDeque<>();
        LocalTitan titan = titan(queued::add);
        CompletableFuture<ModelVersion> first = titan.train("acme", "category", ToyTickets.generate(10, 0, 9)).toCompletableFuture();
        assertFalse(first.isDone());
        assertUndecided(titan.classify(request("printer jam")), "no model");
        queued.poll().run();
        ModelVersion v1 = first.join();
        assertEquals(v1, titan.current("acme", "category").orElseThrow());

        CompletableFuture<ModelVersion> older = titan.train("acme", "category", ToyTickets.generate(12, 0, 10)).toCompletableFuture();
        CompletableFuture<ModelVersion> newer = titan.train("acme", "category", ToyTickets.generate(14, 0, 11)).toCompletableFuture();
        assertEquals(v1.id(), titan.classify(request("printer jam")).modelVersion(), "the old model answers meanwhile");
        Runnable olderTask = queued.poll();
        queued.poll().run();
        olderTask.run();
        assertEquals(newer.join(), titan.current("acme", "category").orElseThrow());
        assertEquals(42, titan.current("acme", "category").orElseThrow().trainingSize());
        assertTrue(older.isDone());
    }

    private static void assertUndecided(TitanAnswer answer, String reason) {
        assertNull(answer.value());
        assertEquals(0, answer.confidence());
        assertEquals(Tier.MANUAL, answer.tier());
        assertFalse(answer.decided());
        assertTrue(answer.explanation().contains(reason), answer.explanation());
    }

    @Test
    void aLowerTargetPrecisionOpensTheAutoTierWider() {
        LocalTitan strict = titan(Runnable::run);
        LocalTitan lenient = titan(Runnable::run);
        strict.train("acme", "category", ToyTickets.generate(150, 0.3, 2), 0.99).toCompletableFuture().join();
        lenient.train("acme", "category", ToyTickets.generate(150, 0.3, 2), 0.6).toCompletableFuture().join();

        int strictAuto = 0;
        int lenientAuto = 0;
        for (LabelledExample e : ToyTickets.generate(100, 0.3, 3)) {
            strictAuto += strict.classify(request(e.text())).tier() == Tier.AUTO ? 1 : 0;
            lenientAuto += lenient.classify(request(e.text())).tier() == Tier.AUTO ? 1 : 0;
        }
        assertTrue(lenientAuto > strictAuto, "AUTO answers: target 0.6 " + lenientAuto + ", target 0.99 " + strictAuto);
        assertThrows(IllegalArgumentException.class,
                () -> strict.train("acme", "category", ToyTickets.generate(10, 0, 2), 1.2));
    }
}
