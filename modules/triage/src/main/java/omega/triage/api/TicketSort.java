package omega.triage.api;

/** The order of a ticket list. */
public enum TicketSort {
    /** newest received first */
    NEWEST,
    /** SLA at risk first, then the earliest due, then newest */
    SLA_RISK
}
