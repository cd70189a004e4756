package omega.triage.api;

/**
 * What one titan answered for one label ({@code value} null: undecided), with the ensemble weight it had (its measured
 * accuracy for the tenant) and whether it agreed with the decision. {@code reason} says why a titan did not decide
 * (no model yet; an external titan's failure kind: {@code timeout}, {@code rate_limited}, {@code quota_exhausted},
 * {@code malformed_answer}, {@code outside_label_set}, ...), null when it did.
 */
public record TitanVote(String titanId, String label, String value, double confidence, String modelVersion,
                        double weight, boolean agreed, String reason) {
}
