package omega.connectors.control;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Canonical status (NEW, OPEN, PENDING, RESOLVED, CLOSED) from a status's display name, for platforms whose
 * statuses are named per tenant or board. Checked in this order: closed/cancelled → CLOSED;
 * resolved/solved/complete(d)/done/fixed → RESOLVED; new → NEW; waiting/pending/hold/awaiting/scheduled →
 * PENDING; open/progress/assigned/working/escalate(d)/responded/dispatched/active → OPEN.
 */
final class StatusNames {

    private static final Pattern CLOSED = Pattern.compile(".*\\b(?:closed?|cancell?ed|canceled)\\b.*");
    private static final Pattern RESOLVED = Pattern.compile(".*\\b(?:resolved|solved|completed?|done|fixed)\\b.*");
    private static final Pattern NEW = Pattern.compile(".*\\bnew\\b.*");
    private static final Pattern PENDING = Pattern.compile(
            ".*\\b(?:waiting|pending|hold|awaiting|scheduled|suspended|deferred)\\b.*");
    private static final Pattern OPEN = Pattern.compile(
            ".*\\b(?:open|re-?opened|progress|assigned|working|escalated?|responded|dispatched|active|acknowledged)\\b.*");

    private StatusNames() {
    }

    /** @return the canonical status, or null when the name says nothing this mapping knows */
    static String canonical(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            return null;
        }
        String lower = name.strip().toLowerCase(Locale.ROOT);
        if (CLOSED.matcher(lower).matches()) {
            return "CLOSED";
        }
        if (RESOLVED.matcher(lower).matches()) {
            return "RESOLVED";
        }
        if (NEW.matcher(lower).matches()) {
            return "NEW";
        }
        if (PENDING.matcher(lower).matches()) {
            return "PENDING";
        }
        return OPEN.matcher(lower).matches() ? "OPEN" : null;
    }
}
