package omega.platform.api;

/** Names of the message entities (Service Bus topics/queues in production; same names everywhere). */
public final class Channels {

    public static final String TICKET_RAW = "ticket-raw";
    public static final String TICKET_NORMALIZED = "ticket-normalized";
    public static final String TICKET_TRIAGED = "ticket-triaged";
    public static final String EMPLOYEE_ACTIVITY = "employee-activity";
    public static final String AUTO_ACTION = "auto-action";
    /** labelled past tickets (a PSA's history import) that train the tenant's triage models */
    public static final String TICKET_HISTORY = "ticket-history";

    /** Message properties every OMEGA message carries. */
    public static final String PROP_TENANT = "tenantId";
    public static final String PROP_TICKET = "ticketId";
    public static final String PROP_CORRELATION = "correlationId";
    public static final String PROP_SOURCE = "source";
    public static final String PROP_EXTERNAL_ID = "externalId";
    public static final String PROP_VERSION = "version";

    private Channels() {
    }
}
