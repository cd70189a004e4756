package omega.triage.control;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import omega.triage.api.Evidence;

/**
 * Reads the local titan's explanation ({@code nearest training examples: #T-17 (network, 0.83); 'vpn drops…'
 * (network, 0.79)}) into evidence entries.
 */
public final class EvidenceParser {

    private static final Pattern HIT = Pattern.compile("(#\\S+|'.*?') \\((.+?), (-?\\d+(?:\\.\\d+)?)\\)(?:; |$)");
    private static final String PREFIX = "nearest training examples: ";

    private EvidenceParser() {
    }

    public static List<Evidence> parse(String label, String explanation) {
        List<Evidence> evidence = new ArrayList<>();
        if (explanation == null || !explanation.startsWith(PREFIX)) {
            return evidence;
        }
        Matcher m = HIT.matcher(explanation.substring(PREFIX.length()));
        while (m.find()) {
            evidence.add(new Evidence(label, m.group(1), m.group(2), Double.parseDouble(m.group(3))));
        }
        return evidence;
    }
}
