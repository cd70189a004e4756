package omega.triage.api;

import java.util.List;

/**
 * The answer to a bulk review: what was approved and rejected, and which tickets were skipped because nothing of
 * theirs waited any more (reviewed or given feedback meanwhile, e.g. a repeated request).
 */
public record ConfirmationsReviewed(List<String> approved, List<String> rejected, List<String> skipped,
                                    boolean retrainingScheduled) {
}
