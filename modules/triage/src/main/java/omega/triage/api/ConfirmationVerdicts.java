package omega.triage.api;

import java.util.List;

/**
 * {@code POST /api/v1/confirmations}: ticket ids whose waiting labels a person approves (stored as confirming
 * feedback) or rejects (recorded; they count as wrong). Either list may be absent.
 */
public record ConfirmationVerdicts(List<String> approve, List<String> reject) {
}
