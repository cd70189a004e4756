package omega.triage.api;

/** Where a ticket is in the pipeline. Classification states arrive with the triage decision work. */
public enum TicketStatus {
    /** accepted and durable; not yet picked up by the triage stage */
    RECEIVED,
    /** recorded by the triage stage's consumer, waiting for a decision */
    QUEUED_FOR_TRIAGE
}
