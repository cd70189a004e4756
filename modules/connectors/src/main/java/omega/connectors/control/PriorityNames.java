package omega.connectors.control;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Canonical priority (P1 critical .. P5 planning) from a priority's display name, for platforms whose
 * priorities are named per tenant (Kaseya BMS, ConnectWise, Salesforce, ServiceNow display values).
 * A leading number comes first ("P2", "Priority 3 - Normal Response", "1 - Critical"), then words:
 * critical/urgent/emergency/highest → P1, planning/lowest/very low → P5, high → P2,
 * medium/normal/moderate → P3, low → P4.
 */
final class PriorityNames {

    private static final Pattern NUMBERED = Pattern.compile("^(?:p|priority\\s*|sev(?:erity)?\\s*)?([1-5])(?:\\b|\\s|-|$).*");
    private static final Pattern P1 = Pattern.compile(".*\\b(?:critical|urgent|emergency|highest)\\b.*");
    private static final Pattern P5 = Pattern.compile(".*\\b(?:planning|lowest|very low)\\b.*");
    private static final Pattern P2 = Pattern.compile(".*\\bhigh\\b.*");
    private static final Pattern P3 = Pattern.compile(".*\\b(?:medium|normal|moderate)\\b.*");
    private static final Pattern P4 = Pattern.compile(".*\\blow\\b.*");

    private PriorityNames() {
    }

    /** @return P1..P5, or null when the name says nothing this mapping knows */
    static String canonical(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            return null;
        }
        String lower = name.strip().toLowerCase(Locale.ROOT);
        Matcher numbered = NUMBERED.matcher(lower);
        if (numbered.matches()) {
            return "P" + numbered.group(1);
        }
        if (P1.matcher(lower).matches()) {
            return "P1";
        }
        if (P5.matcher(lower).matches()) {
            return "P5";
        }
        if (P2.matcher(lower).matches()) {
            return "P2";
        }
        if (P3.matcher(lower).matches()) {
            return "P3";
        }
        return P4.matcher(lower).matches() ? "P4" : null;
    }
}
