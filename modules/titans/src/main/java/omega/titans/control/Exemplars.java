package omega.titans.control;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * A bounded sample of training examples (at most {@value #PER_VALUE} per value) kept with a model to explain its
 * answers by the nearest ones. Embeddings are stored as int8 (×127), which keeps cosine ranks and costs 384 bytes
 * each; an example is named by its reference, or by the start of its text when it has none.
 */
final class Exemplars {

    static final int PER_VALUE = 40;
    private static final int SNIPPET = 60;

    private final List<Exemplar> exemplars;

    private Exemplars(List<Exemplar> exemplars) {
        this.exemplars = List.copyOf(exemplars);
    }

    private record Exemplar(String name, String value, byte[] vector) {
    }

    /** A training example seen by {@link #sample}. */
    record Candidate(String reference, String text, String value, float[] embedding) {
    }

    /** Keeps the first {@value #PER_VALUE} candidates of each value (callers pass them in a shuffled order). */
    static Exemplars sample(List<Candidate> candidates) {
        Map<String, Integer> kept = new HashMap<>();
        List<Exemplar> exemplars = new ArrayList<>();
        for (Candidate c : candidates) {
            if (kept.merge(c.value(), 1, Integer::sum) <= PER_VALUE) {
                exemplars.add(new Exemplar(name(c), c.value(), quantize(c.embedding())));
            }
        }
        return new Exemplars(exemplars);
    }

    /** @return e.g. "#T-17 (4, 0.83); 'vpn drops every…' (5, 0.79)" for the k nearest */
    String nearest(float[] embedding, int k) {
        record Hit(Exemplar exemplar, double similarity) {
        }
        List<Hit> hits = new ArrayList<>(exemplars.size());
        for (Exemplar e : exemplars) {
            double dot = 0;
            for (int i = 0; i < embedding.length && i < e.vector().length; i++) {
                dot += embedding[i] * e.vector()[i];
            }
            hits.add(new Hit(e, dot / 127));
        }
        hits.sort(Comparator.comparingDouble(Hit::similarity).reversed());
        StringBuilder text = new StringBuilder();
        for (Hit hit : hits.subList(0, Math.min(k, hits.size()))) {
            text.append(text.length() == 0 ? "" : "; ").append(hit.exemplar().name())
                    .append(String.format(Locale.ROOT, " (%s, %.2f)", hit.exemplar().value(), hit.similarity()));
        }
        return text.toString();
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(exemplars.size());
        for (Exemplar e : exemplars) {
            out.writeUTF(e.name());
            out.writeUTF(e.value());
            out.writeInt(e.vector().length);
            out.write(e.vector());
        }
    }

    static Exemplars read(DataInput in) throws IOException {
        int n = in.readInt();
        List<Exemplar> exemplars = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            String value = in.readUTF();
            byte[] vector = new byte[in.readInt()];
            in.readFully(vector);
            exemplars.add(new Exemplar(name, value, vector));
        }
        return new Exemplars(exemplars);
    }

    private static String name(Candidate c) {
        if (c.reference() != null && !c.reference().isBlank()) {
            return "#" + c.reference();
        }
        String flat = c.text().strip().replaceAll("\\s+", " ");
        return "'" + (flat.length() <= SNIPPET ? flat : flat.substring(0, SNIPPET) + "…") + "'";
    }

    private static byte[] quantize(float[] embedding) {
        byte[] q = new byte[embedding.length];
        for (int i = 0; i < embedding.length; i++) {
            q[i] = (byte) Math.max(-127, Math.min(127, Math.round(embedding[i] * 127)));
        }
        return q;
    }
}
