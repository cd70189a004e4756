package omega.triage.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A ticket version's triage decision: per label the value, confidence, tier and alternatives; the nearest training
 * examples as evidence; every titan's vote; the model versions used; the SLA risk; and the technicians' feedback
 * given since (label → value they confirmed or set).
 */
public record Decision(String id, long ticketVersion, Instant decidedAt, boolean coldStart,
                       Map<String, LabelDecision> labels, List<Evidence> evidence, List<TitanVote> titans,
                       Map<String, String> modelVersions, SlaRisk slaRisk, Map<String, String> feedback) {

    public Decision withFeedback(Map<String, String> given) {
        return new Decision(id, ticketVersion, decidedAt, coldStart, labels, evidence, titans, modelVersions, slaRisk,
                given);
    }
}
