package omega.triage.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import omega.triage.api.SlaRisk;

/**
 * SLA risk of a ticket: due at the source's SLA due time, else at creation (or receipt) + the priority's target;
 * at risk when now + the expected handling time (the tenant's recent median, else the default) passes the due time.
 */
public final class SlaAssessment {

    private SlaAssessment() {
    }

    /**
     * @param recentHandling the tenant's recent median handling time, or null when unknown
     * @param targets        priority (P1..P5) → resolution target
     */
    public static SlaRisk assess(String priority, Instant slaDueAt, Instant createdAt, Instant now,
                                 Duration recentHandling, Duration defaultHandling, Map<String, Duration> targets) {
        StringBuilder basis = new StringBuilder();
        Instant due = slaDueAt;
        if (due != null) {
            basis.append("due from the source's SLA");
        } else if (priority != null && targets.containsKey(priority)) {
            due = (createdAt == null ? now : createdAt).plus(targets.get(priority));
            basis.append("due = created + ").append(priority).append(" target ").append(targets.get(priority).toHours())
                    .append(" h");
        }
        Duration handling = recentHandling != null ? recentHandling : defaultHandling;
        basis.append(basis.length() == 0 ? "" : "; ").append(recentHandling != null
                ? "handling = the tenant's recent median" : "handling = default (no recent handling times)");
        if (due == null) {
            return new SlaRisk(false, null, handling.toMinutes(), "no SLA due time and no priority target; " + basis);
        }
        boolean atRisk = now.plus(handling).isAfter(due);
        return new SlaRisk(atRisk, due.toString(), handling.toMinutes(), basis.toString());
    }
}
