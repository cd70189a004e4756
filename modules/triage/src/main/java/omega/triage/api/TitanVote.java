package omega.triage.api;

/**
 * What one titan answered for one label ({@code value} null: undecided), with the ensemble weight it had (its measured
 * accuracy for the tenant) and whether it agreed with the decision.
 */
public record TitanVote(String titanId, String label, String value, double confidence, String modelVersion,
                        double weight, boolean agreed) {
}
