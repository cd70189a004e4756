package omega.context.control;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import omega.context.api.ResolvedTicket;
import omega.context.api.SearchFilter;
import omega.context.api.SearchHit;
import omega.platform.api.TicketNormalized;

/**
 * Retrieval quality on the labelled dataset: 80/20 split of the shuffled rows; for every held-out ticket, the
 * top-5 most similar training tickets, and how many of them share its category (vector-only exact search, and
 * the full hybrid retrieval of {@link ContextMemory}).
 */
final class CategoryAgreement {

    private final List<BenchDataset.Row> rows;
    private final List<float[]> vectors;
    private final String modelId;
    private final int cut;

    CategoryAgreement(List<BenchDataset.Row> shuffledRows, List<float[]> vectors, String modelId) {
        this.rows = shuffledRows;
        this.vectors = vectors;
        this.modelId = modelId;
        this.cut = (int) (rows.size() * 0.8);
    }

    String report(Path work, Clock clock) {
        Score vectorOnly = new Score();
        ExactVectorIndex index = new ExactVectorIndex(vectors.get(0).length);
        List<IndexedVector> train = new ArrayList<>();
        for (int i = 0; i < cut; i++) {
            train.add(new IndexedVector("q" + i, vectors.get(i), Tickets.facets(null, rows.get(i).category())));
        }
        index.putAll(train);
        for (int j = cut; j < rows.size(); j++) {
            List<String> categories = index.nearest(vectors.get(j), 5, SearchFilter.NONE).stream()
                    .map(n -> rows.get(Integer.parseInt(n.ticketId().substring(1))).category()).toList();
            vectorOnly.add(rows.get(j).category(), categories);
        }
        Score hybrid = hybrid(work, clock);
        return String.format("| %s | %d / %d | %.3f | %.3f | %.3f |%n", "vector only (exact cosine)", cut,
                rows.size() - cut, vectorOnly.shared(), vectorOnly.top1(), vectorOnly.majority())
                + String.format("| %s | %d / %d | %.3f | %.3f | %.3f |%n", "hybrid (ContextMemory.similarTo)", cut,
                        rows.size() - cut, hybrid.shared(), hybrid.top1(), hybrid.majority())
                + String.format("| %s | | %.3f | | |%n", "chance (Σ p², training class shares)", chance());
    }

    private Score hybrid(Path work, Clock clock) {
        PrecomputedEmbeddings embeddings = new PrecomputedEmbeddings(modelId, vectors.get(0).length);
        for (int i = 0; i < rows.size(); i++) {
            embeddings.put(rows.get(i).text(), vectors.get(i));
        }
        Score score = new Score();
        try (FileMemoryStore store = new FileMemoryStore(work.resolve("quality-store"));
             ContextMemory memory = new ContextMemory(embeddings, store,
                     new InProcessWorkingMemory(WorkingMemorySettings.DEFAULTS, clock),
                     ContextSettings.defaults(work.resolve("quality-index")), clock)) {
            List<ResolvedTicket> train = new ArrayList<>();
            for (int i = 0; i < cut; i++) {
                BenchDataset.Row row = rows.get(i);
                train.add(new ResolvedTicket("quality", "q" + i, row.text(), Map.of("category", row.category()), null,
                        null, row.category(), "RESOLVED", null, clock.instant()));
            }
            memory.rememberAll(train);
            for (int j = cut; j < rows.size(); j++) {
                BenchDataset.Row row = rows.get(j);
                List<SearchHit> hits = memory.similarTo(new TicketNormalized(null, "quality", "bench", "h" + j, 1,
                        null, row.title(), row.body(), null, null, null, null, null, null, null, null, null, null,
                        Map.of(), null, null, null), 5);
                score.add(row.category(), hits.stream().map(h -> h.ticket().category()).toList());
            }
        }
        return score;
    }

    private double chance() {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < cut; i++) {
            counts.merge(rows.get(i).category(), 1, Integer::sum);
        }
        return counts.values().stream().mapToDouble(c -> Math.pow(c / (double) cut, 2)).sum();
    }

    /** Agreement of retrieved categories with the held-out ticket's category. */
    private static final class Score {
        private double shared;
        private int top1;
        private int majority;
        private int queries;

        void add(String category, List<String> retrieved) {
            queries++;
            shared += retrieved.stream().filter(category::equals).count() / 5.0;
            if (!retrieved.isEmpty() && retrieved.get(0).equals(category)) {
                top1++;
            }
            Map<String, Integer> votes = new HashMap<>();
            String best = null;
            for (String c : retrieved) { // ties go to the better-ranked category
                int v = votes.merge(c, 1, Integer::sum);
                if (best == null || v > votes.get(best)) {
                    best = c;
                }
            }
            if (category.equals(best)) {
                majority++;
            }
        }

        double shared() {
            return shared / queries;
        }

        double top1() {
            return top1 / (double) queries;
        }

        double majority() {
            return majority / (double) queries;
        }
    }
}
