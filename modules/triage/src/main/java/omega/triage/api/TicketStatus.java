package omega.triage.api;

/** Where a ticket is in the pipeline. */
public enum TicketStatus {
    /** accepted and durable; not yet picked up by the triage stage */
    RECEIVED,
    /** recorded by the triage stage's consumer, waiting for a decision */
    QUEUED_FOR_TRIAGE,
    /** decided: every label has a value, confidence and tier (or says why not), published on ticket-triaged */
    TRIAGED
}
