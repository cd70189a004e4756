package omega.titans.control;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import omega.platform.control.MiniLmEmbeddings;

/**
 * Embedding-only throughput, the ceiling of the triage stage (a harness, not a test): the same {@link MiniLmEmbeddings}
 * the server uses (onnxruntime with one intra-op thread, the text embedded on the caller's thread), one
 * {@code embed(text)} per ticket as a decision does, over the dataset's title + body texts, by 1 and by
 * {@code threads} threads (the triage consumer's concurrency). bench/run-triage.sh runs it next to the server run.
 * <pre>mvn -q -pl modules/titans test-compile exec:java -Dexec.classpathScope=test
 *   -Dexec.mainClass=omega.titans.control.EmbeddingBench -Dexec.args="path/to.csv 1000 2"</pre>
 * Prints one line per thread count: {@code embedding-only threads=T texts=N seconds=S per_s=R cpu_ms_per_text=C}; the
 * CPU time per text does not depend on what else the (shared) machine runs, the rate does.
 */
public final class EmbeddingBench {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private EmbeddingBench() {
    }

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int maxThreads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        if (!Files.exists(csv)) {
            System.out.println("SKIPPED: " + csv + " not found");
            return;
        }
        List<String> texts = texts(csv, n);
        // the model alone: no recent-vector memo (a repeated text would not be embedded again)
        MiniLmEmbeddings embeddings = new MiniLmEmbeddings(0);
        // warm-up: load the model, JIT the tokenizer path
        for (int i = 0; i < Math.min(200, texts.size()); i++) {
            embeddings.embed(texts.get(i));
        }
        for (int threads = 1; threads <= maxThreads; threads++) {
            AtomicLong cpuNanos = new AtomicLong();
            double seconds = run(embeddings, texts, threads, cpuNanos);
            System.out.printf(Locale.ROOT, "embedding-only threads=%d texts=%d seconds=%.3f per_s=%.1f cpu_ms_per_text=%.2f%n",
                    threads, texts.size(), seconds, texts.size() / seconds, cpuNanos.get() / 1e6 / texts.size());
        }
    }

    /** @return wall seconds; {@code cpuNanos} gets the CPU time the embedding threads used (immune to other load) */
    static double run(MiniLmEmbeddings embeddings, List<String> texts, int threads, AtomicLong cpuNanos) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    long cpu = CPU.getCurrentThreadCpuTime();
                    for (int i = next.getAndIncrement(); i < texts.size(); i = next.getAndIncrement()) {
                        embeddings.embed(texts.get(i));
                    }
                    cpuNanos.addAndGet(CPU.getCurrentThreadCpuTime() - cpu);
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdown();
        }
    }

    /** n ticket texts (title + newline + body, as the triage stage builds them; bench/TriageBench posts "(no title)" for a blank one), cycling over the file's rows. */
    static List<String> texts(Path csv, int n) throws IOException {
        List<Map<String, String>> rows = TicketCsv.read(csv);
        List<String> texts = new ArrayList<>(n);
        for (int i = 0; texts.size() < n; i++) {
            Map<String, String> row = rows.get(rows.size() - 1 - (i % rows.size()));
            String title = row.get("title").isBlank() ? "(no title)" : row.get("title").strip();
            texts.add((title + "\n" + row.get("body").strip()).strip());
        }
        return texts;
    }
}
