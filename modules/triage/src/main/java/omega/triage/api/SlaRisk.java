package omega.triage.api;

/**
 * Whether the ticket is likely to breach its SLA: the due time (the source's SLA, else created + the priority's
 * target) against now + the tenant's recent handling time. {@code basis} says where each number came from.
 */
public record SlaRisk(boolean atRisk, String dueAt, long expectedHandlingMinutes, String basis) {
}
