package omega.triage.api;

import java.util.Map;
import java.util.Set;

/**
 * Exactly what a decision was made from, so it can be replayed: the PII-tokenized text the titans saw, the label
 * sets asked for, and the SLA inputs.
 */
public record DecisionInputs(String text, Map<String, Set<String>> labelSets, String priority, String slaDueAt,
                             String createdAt) {
}
