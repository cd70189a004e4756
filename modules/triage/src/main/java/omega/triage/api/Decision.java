package omega.triage.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.json.bind.annotation.JsonbCreator;

import omega.context.api.SimilarTicket;

/**
 * A ticket version's triage decision: per label the value, confidence, tier and alternatives; the nearest training
 * examples as evidence; every titan's vote; the model versions used; the SLA risk; and the technicians' feedback
 * given since (label → value they confirmed or set); the most similar resolved tickets from context memory
 * ({@code similarTickets}: empty when memory had none or did not answer in time; null on decisions stored before).
 */
public record Decision(String id, long ticketVersion, Instant decidedAt, boolean coldStart,
                       Map<String, LabelDecision> labels, List<Evidence> evidence, List<TitanVote> titans,
                       Map<String, String> modelVersions, SlaRisk slaRisk, Map<String, String> feedback,
                       List<SimilarTicket> similarTickets) {

    /** JSON-B reads a stored decision through the canonical constructor (a record with two needs to be told). */
    @JsonbCreator
    public Decision {
    }

    /** A decision without similar tickets (yet). */
    public Decision(String id, long ticketVersion, Instant decidedAt, boolean coldStart,
            Map<String, LabelDecision> labels, List<Evidence> evidence, List<TitanVote> titans,
            Map<String, String> modelVersions, SlaRisk slaRisk, Map<String, String> feedback) {
        this(id, ticketVersion, decidedAt, coldStart, labels, evidence, titans, modelVersions, slaRisk, feedback, null);
    }

    public Decision withFeedback(Map<String, String> given) {
        return new Decision(id, ticketVersion, decidedAt, coldStart, labels, evidence, titans, modelVersions, slaRisk,
                given, similarTickets);
    }

    public Decision withSimilarTickets(List<SimilarTicket> similar) {
        return new Decision(id, ticketVersion, decidedAt, coldStart, labels, evidence, titans, modelVersions, slaRisk,
                feedback, similar == null ? null : List.copyOf(similar));
    }
}
