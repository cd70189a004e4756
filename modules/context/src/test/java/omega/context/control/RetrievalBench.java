package omega.context.control;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import omega.context.api.ResolvedTicket;
import omega.context.api.SearchFilter;
import omega.context.api.SearchQuery;
import omega.platform.api.EmbeddingService;
import omega.platform.control.MiniLmEmbeddings;

/**
 * The context-memory benchmark harness (not a test): retrieval quality on the shared dataset with the real model,
 * then latency, build time, heap and recall at each corpus size. Run (from the repository root):
 * <pre>
 * MAVEN_OPTS=-Xmx4g mvn -q -pl modules/context exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=omega.context.control.RetrievalBench [-Dbench.sizes=10000,100000] [-Dbench.queries=500]
 *     [-Dbench.model=hashing (smoke run without the real model)]
 * </pre>
 * Corpora above the dataset's size are synthetic: each vector is a real MiniLM embedding of a dataset ticket plus
 * Gaussian noise (cosine ≈ 0.89 to its source), each text that ticket's text. The report is printed and written
 * to {@code modules/context/target/retrieval-bench.md}.
 */
public final class RetrievalBench {

    private static final String TENANT = "bench";
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final double NOISE_NORM = 0.5;

    private final List<BenchDataset.Row> rows;
    private final List<float[]> vectors;
    private final String modelId;
    private final int queries;
    private final Path work;
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final StringBuilder report = new StringBuilder();

    private RetrievalBench(List<BenchDataset.Row> rows, List<float[]> vectors, String modelId, int queries, Path work) {
        this.rows = rows;
        this.vectors = vectors;
        this.modelId = modelId;
        this.queries = queries;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Path dataset = Path.of(System.getProperty("bench.dataset", "../shared/datasets/endava-tickets-subset.csv"));
        int[] sizes = Stream.of(System.getProperty("bench.sizes", "10000,100000").split(","))
                .filter(s -> !s.isBlank()).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        int queries = Integer.getInteger("bench.queries", 500);
        List<BenchDataset.Row> rows = BenchDataset.shuffled(BenchDataset.read(dataset), 42);
        String load = Files.readString(Path.of("/proc/loadavg")).trim();

        // -Dbench.model=hashing: a quick smoke run with the test embedder instead of the real model
        EmbeddingService model = "hashing".equals(System.getProperty("bench.model")) ? new HashingEmbeddings()
                : new MiniLmEmbeddings();
        long start = System.nanoTime();
        List<float[]> vectors = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += 256) {
            vectors.addAll(model.embedAll(rows.subList(from, Math.min(rows.size(), from + 256)).stream()
                    .map(BenchDataset.Row::text).toList()));
        }
        double perSecond = rows.size() / ((System.nanoTime() - start) / 1e9);

        Path work = Files.createTempDirectory("omega-retrieval-bench");
        RetrievalBench bench = new RetrievalBench(rows, vectors, model.modelId(), queries, work);
        bench.line("Machine: %d cores, max heap %d MB, Java %s; load average at start: %s", 
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"), load);
        bench.line("Embedding model: %s, %d dataset tickets embedded at %.0f texts/s (one thread)",
                model.modelId(), rows.size(), perSecond);
        bench.line("");
        bench.line("Top-5 category agreement on %s (CPython shuffle, seed 42; first 80%% remembered, last 20%% held out):",
                dataset.getFileName());
        bench.line("");
        bench.line("| retrieval | remembered / held out | top-5 share with the same category | top-1 same | majority of top-5 same |");
        bench.line("|---|---|---|---|---|");
        for (String row : new CategoryAgreement(rows, vectors, model.modelId()).report(work, bench.clock).split("\n")) {
            bench.line("%s", row);
        }
        for (int size : sizes) {
            bench.scale(size);
        }
        bench.line("");
        bench.line("Load average at the end: %s", Files.readString(Path.of("/proc/loadavg")).trim());
        Path out = Path.of("modules/context/target/retrieval-bench.md");
        if (Files.isDirectory(out.getParent())) {
            Files.writeString(out, bench.report);
        }
        LuceneIndex.deleteRecursively(work);
    }

    private void scale(int n) throws IOException, InterruptedException {
        line("");
        line("### %,d stored tickets (synthetic: real embeddings + noise), %d queries, k = 10", n, queries);
        line("");
        Random random = new Random(42);
        float[][] corpus = new float[n][];
        for (int i = 0; i < n; i++) {
            corpus[i] = perturbed(vectors.get(i % vectors.size()), random);
        }
        float[][] queryVectors = new float[queries][];
        String[] queryTexts = new String[queries];
        for (int q = 0; q < queries; q++) {
            int source = random.nextInt(rows.size());
            queryVectors[q] = perturbed(vectors.get(source), random);
            queryTexts[q] = rows.get(source).text();
        }

        long heapBefore = usedHeap();
        long start = System.nanoTime();
        ExactVectorIndex exact = new ExactVectorIndex(corpus[0].length);
        for (int from = 0; from < n; from += 10_000) {
            List<IndexedVector> batch = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + 10_000); i++) {
                batch.add(new IndexedVector("b" + i, corpus[i], Tickets.facets(null, null)));
            }
            exact.putAll(batch);
        }
        long exactBuild = System.nanoTime() - start;
        long exactHeap = usedHeap() - heapBefore;
        List<Set<String>> truth = new ArrayList<>();
        Latencies exactLatency = measure(q -> exact.nearest(queryVectors[q], 10, SearchFilter.NONE), q -> {
            Set<String> ids = new HashSet<>();
            exact.nearest(queryVectors[q], 10, SearchFilter.NONE).forEach(nb -> ids.add(nb.ticketId()));
            truth.add(ids);
        });

        FileMemoryStore store = new FileMemoryStore(work.resolve("store-" + n));
        start = System.nanoTime();
        for (int from = 0; from < n; from += 10_000) {
            List<StoredTicket> batch = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + 10_000); i++) {
                BenchDataset.Row row = rows.get(i % rows.size());
                batch.add(new StoredTicket(new ResolvedTicket(TENANT, "b" + i, row.text(), Map.of(), "resolved",
                        "client-" + (i % 25), row.category(), "RESOLVED", "user" + (i % 1000) + "@example.test",
                        NOW.minus(Duration.ofDays(i % 730))), corpus[i], modelId));
            }
            store.save(batch);
        }
        long storeWrite = System.nanoTime() - start;
        long storeBytes = folderBytes(work.resolve("store-" + n));

        PrecomputedEmbeddings embeddings = new PrecomputedEmbeddings(modelId, corpus[0].length);
        for (int q = 0; q < queries; q++) {
            embeddings.put(queryTexts[q], queryVectors[q]);
        }
        ContextSettings settings = ContextSettings.defaults(work.resolve("index-" + n)).withHnswThreshold(5_000);
        heapBefore = usedHeap();
        ContextMemory memory = memory(embeddings, store, settings);
        start = System.nanoTime();
        TenantIndex index = memory.index(TENANT);
        long hnswBuild = System.nanoTime() - start;
        long memoryHeap = usedHeap() - heapBefore;
        int segments = ((HnswVectorIndex) ((SwitchingVectorIndex) index.vectors()).current()).segments();
        long indexBytes = folderBytes(settings.indexDirectory());

        Latencies hnswLatency = measure(q -> index.vectors().nearest(queryVectors[q], 10, SearchFilter.NONE), q -> { });
        double recall100 = recall(index, queryVectors, truth);
        Latencies hybrid = measure(q -> memory.search(new SearchQuery(TENANT, queryTexts[q], 10)), q -> { });
        Latencies hybridFiltered = measure(q -> memory.search(new SearchQuery(TENANT, queryTexts[q],
                new SearchFilter("client-" + (q % 25), null, null), 10)), q -> { });
        memory.close();
        ContextMemory before = memory(embeddings, store,
                settings.withRetrieval(settings.retrieval().withKeywordCandidates(settings.retrieval().candidates())));
        Latencies hybridBefore = measure(q -> before.search(new SearchQuery(TENANT, queryTexts[q], 10)), q -> { });
        before.close();

        ContextSettings wider = new ContextSettings(settings.indexDirectory(), 5_000,
                new HnswSettings(16, 100, 200), settings.retrieval());
        start = System.nanoTime();
        ContextMemory reopened = memory(embeddings, store, wider);
        TenantIndex again = reopened.index(TENANT);
        long reopen = System.nanoTime() - start;
        Latencies hnsw200 = measure(q -> again.vectors().nearest(queryVectors[q], 10, SearchFilter.NONE), q -> { });
        double recall200 = recall(again, queryVectors, truth);
        start = System.nanoTime();
        int erased = reopened.eraseRequester(TENANT, "user0@example.test", "BENCH-1").ticketsErased();
        long erasure = System.nanoTime() - start;
        reopened.close();

        line("| measure (latencies: wall-clock P50 / P95 · CPU-time P50 / P95, ms) | value |");
        line("|---|---|");
        line("| exact vector search | %s |", exactLatency.summary());
        line("| HNSW vector search, 100 candidates | %s |", hnswLatency.summary());
        line("| HNSW vector search, 200 candidates | %s |", hnsw200.summary());
        line("| recall@10 of HNSW vs exact, 100 / 200 candidates | %.3f / %.3f |", recall100, recall200);
        line("| hybrid search (HNSW + BM25 + recency + read-back from the store) | %s |", hybrid.summary());
        line("| hybrid search with a client filter (1 in 25) | %s |", hybridFiltered.summary());
        line("| hybrid search with %d keyword candidates (as before; now %d) | %s |",
                settings.retrieval().candidates(), settings.retrieval().keywordCandidates(), hybridBefore.summary());
        line("| exact index build (%,d vectors into one float[]) | %.1f s |", n, exactBuild / 1e9);
        line("| store write (file store, %,d tickets with vectors) | %.1f s, %,d MB on disk |", n, storeWrite / 1e9,
                storeBytes >> 20);
        line("| index build from the store (HNSW + BM25, %d segment(s) after) | %.1f s, %,d MB on disk |", segments,
                hnswBuild / 1e9, indexBytes >> 20);
        line("| restart: reopen the persisted indexes (no rebuild, no embedding) | %.1f s |", reopen / 1e9);
        line("| erasure of one requester (%d tickets): store rewrite + deletions merged out of both indexes | %.1f s |",
                erased, erasure / 1e9);
        line("| heap: exact index | %.1f MB |", exactHeap / 1048576.0);
        line("| heap: one tenant open in ContextMemory (HNSW + BM25 + facets) | %.1f MB |", memoryHeap / 1048576.0);
        if (n <= ContextSettings.DEFAULT_HNSW_THRESHOLD) {
            exactHybrid(n, store, embeddings, queryTexts);
        }
        store.close();
        if (n == 10_000) {
            randomRecall(n);
        }
    }

    /** The production default below the threshold: exact vectors in the hybrid search. */
    private void exactHybrid(int n, FileMemoryStore store, PrecomputedEmbeddings embeddings, String[] queryTexts)
            throws InterruptedException {
        ContextSettings settings = ContextSettings.defaults(work.resolve("index-exact-" + n));
        long heapBefore = usedHeap();
        long start = System.nanoTime();
        try (ContextMemory memory = memory(embeddings, store, settings)) {
            memory.index(TENANT);
            long open = System.nanoTime() - start;
            long heap = usedHeap() - heapBefore;
            Latencies hybrid = measure(q -> memory.search(new SearchQuery(TENANT, queryTexts[q], 10)), q -> { });
            line("| hybrid search with exact vectors (the default below %,d) | %s |",
                    ContextSettings.DEFAULT_HNSW_THRESHOLD, hybrid.summary());
            line("| open with exact vectors (load vectors + BM25 build) | %.1f s |", open / 1e9);
            line("| heap: one tenant open with exact vectors | %.1f MB |", heap / 1048576.0);
        }
    }

    /** Recall on random unit vectors: HNSW's worst case (no structure), for comparison. */
    private void randomRecall(int n) {
        Random random = new Random(7);
        int dimension = vectors.get(0).length;
        List<IndexedVector> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(new IndexedVector("r" + i, Tickets.randomUnitVector(random, dimension), Tickets.facets(null, null)));
        }
        ExactVectorIndex exact = new ExactVectorIndex(dimension);
        exact.putAll(all);
        Path folder = work.resolve("random-" + n);
        StringBuilder recalls = new StringBuilder();
        for (int candidates : new int[] {100, 200}) {
            try (HnswVectorIndex hnsw = new HnswVectorIndex(folder, modelId, dimension, new HnswSettings(16, 100, candidates))) {
                if (hnsw.size() == 0) {
                    hnsw.putAll(all);
                }
                int found = 0;
                Random queriesRandom = new Random(9);
                for (int q = 0; q < 200; q++) {
                    float[] query = Tickets.randomUnitVector(queriesRandom, dimension);
                    Set<String> truth = new HashSet<>();
                    exact.nearest(query, 10, SearchFilter.NONE).forEach(nb -> truth.add(nb.ticketId()));
                    found += (int) hnsw.nearest(query, 10, SearchFilter.NONE).stream()
                            .filter(nb -> truth.contains(nb.ticketId())).count();
                }
                recalls.append(recalls.length() == 0 ? "" : " / ").append(String.format("%.3f", found / 2000.0));
            }
        }
        line("| recall@10 on %,d random unit vectors (worst case), 100 / 200 candidates | %s |", n, recalls);
    }

    private ContextMemory memory(PrecomputedEmbeddings embeddings, MemoryStore store, ContextSettings settings) {
        return new ContextMemory(embeddings, store, new InProcessWorkingMemory(WorkingMemorySettings.DEFAULTS, clock),
                settings, clock);
    }

    private double recall(TenantIndex index, float[][] queryVectors, List<Set<String>> truth) {
        int found = 0;
        for (int q = 0; q < queries; q++) {
            Set<String> expected = truth.get(q);
            found += (int) index.vectors().nearest(queryVectors[q], 10, SearchFilter.NONE).stream()
                    .filter(nb -> expected.contains(nb.ticketId())).count();
        }
        return found / (queries * 10.0);
    }

    /** Runs every query once to warm up (calling {@code first} on it), then once more timed. */
    private Latencies measure(java.util.function.IntConsumer query, java.util.function.IntConsumer first) {
        for (int q = 0; q < queries; q++) {
            query.accept(q);
            first.accept(q);
        }
        Latencies latencies = new Latencies(queries);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int q = 0; q < queries; q++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            query.accept(q);
            latencies.add(System.nanoTime() - start, threads.getCurrentThreadCpuTime() - cpu);
        }
        return latencies;
    }

    private static float[] perturbed(float[] source, Random random) {
        float sigma = (float) (NOISE_NORM / Math.sqrt(source.length));
        float[] noisy = new float[source.length];
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] = source[i] + sigma * (float) random.nextGaussian();
        }
        return UnitVectors.normalized(noisy);
    }

    private static long usedHeap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long folderBytes(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private void line(String format, Object... args) {
        report.append(String.format(format, args)).append('\n');
        System.out.println(String.format(format, args));
    }
}
