package omega.titans.api;

/** What may happen with a titan's answer: applied as is, proposed for one-click confirmation, or left to a person. */
public enum Tier {
    /** confident enough to apply without asking (the AUTO threshold meets the target precision) */
    AUTO,
    /** proposed to the technician, who confirms or corrects it */
    CONFIRM,
    /** too unsure (or no model): a person decides */
    MANUAL
}
