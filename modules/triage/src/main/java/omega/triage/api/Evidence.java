package omega.triage.api;

/** A training example near the ticket (cosine {@code similarity} of the embeddings) and its value of {@code label}. */
public record Evidence(String label, String example, String value, double similarity) {
}
