package omega.platform.api;

import java.util.List;

/**
 * The one sentence-embedding model of the process (shared by the local titan and the context memory, so the
 * model is loaded once). Vectors are L2-normalized, so a dot product is the cosine similarity.
 */
public interface EmbeddingService {

    /** @return the vector length */
    int dimension();

    /** @return the model's identity, recorded with every stored vector and decision (e.g. all-minilm-l6-v2-q) */
    String modelId();

    float[] embed(String text);

    List<float[]> embedAll(List<String> texts);
}
