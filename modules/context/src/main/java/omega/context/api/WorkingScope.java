package omega.context.api;

/** Whose working state an entry belongs to. */
public enum WorkingScope {
    /** state of one ticket being worked on (drafts, scratchpad) */
    TICKET,
    /** state of one employee's session (recent views, drafts) */
    SESSION
}
