package omega.connectors.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Cuts a plain-text body before the parts that repeat older mail: a reply attribution ("On … wrote:",
 * "Am … schrieb …:", "Le … a écrit :"), an "-----Original Message-----" line, an Outlook header block
 * (From:/Sent:/To:/Subject: — unless its subject says it is a forward, whose content matters), Zendesk's
 * "##- Please type your reply above this line -##", a trailing block of only "&gt;"-quoted lines, a "-- "
 * signature delimiter (with at most 12 lines after it) and mobile footers ("Sent from my iPhone"). Only cues that are reliable are used, and
 * a cut never leaves an empty body: when nothing would remain the text is kept whole.
 */
public final class ReplyTrimmer {

    private static final int MAX_CUE_LINE = 400;
    /** A "--" line starts a signature only when at most this many lines follow it. */
    private static final int MAX_SIGNATURE_LINES = 12;

    private static final Pattern ATTRIBUTION = Pattern.compile(
            "^(?:on\\s.{1,300}\\swrote|am\\s.{1,300}\\sschrieb.{0,80}|le\\s.{1,300}\\sa\\s+[ée]crit\\s?):$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "^-{2,}\\s*(?:original message|urspr[üu]ngliche nachricht|message d'origine)\\s*-{2,}$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern MOBILE_FOOTER = Pattern.compile(
            "^(?:sent from my \\S+(?: \\S+)?|sent from (?:outlook|mail for windows|yahoo mail)\\b.*|get outlook for \\S+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FORWARD_SUBJECT = Pattern.compile("^(?:subject|betreff|objet)\\s*:\\s*(?:fw|fwd|wg|tr)\\s*:.*",
            Pattern.CASE_INSENSITIVE);
    /** The first characters a cue line can have (On/Am/Le, From/Von/De, Sent/Get, -, _, #, &gt;): others are skipped fast. */
    private static final String CUE_STARTS = "oOaAlLfFvVdDsSgG-_#>";
    private static final String ZENDESK_SEPARATOR = "##- please type your reply above this line -##";

    private ReplyTrimmer() {
    }

    /** @return the text before the first reliable reply/signature cue, or the whole text when none (or nothing before it) */
    public static String trim(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        List<String> lines = lines(text);
        int cut = firstCue(lines);
        if (cut <= 0) {
            return text;
        }
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < cut; i++) {
            kept.append(lines.get(i)).append('\n');
        }
        String result = kept.toString().strip();
        return result.isEmpty() ? text : result;
    }

    private static int firstCue(List<String> lines) {
        int lastUnquoted = -1;
        for (int i = lines.size() - 1; i >= 0 && lastUnquoted < 0; i--) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith(">")) {
                lastUnquoted = i;
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.length() > MAX_CUE_LINE || CUE_STARTS.indexOf(line.charAt(0)) < 0) {
                continue;
            }
            if ((line.startsWith(">") && i > lastUnquoted) || isCue(line, lines, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isCue(String line, List<String> lines, int i) {
        String lower = line.toLowerCase(Locale.ROOT);
        return (line.equals("--") && nonBlankLinesAfter(lines, i) <= MAX_SIGNATURE_LINES)
                || lower.equals(ZENDESK_SEPARATOR)
                || ORIGINAL_MESSAGE.matcher(line).matches()
                || MOBILE_FOOTER.matcher(line).matches()
                || isAttribution(line, lines, i)
                || isReplyHeaderBlock(lower, lines, i)
                || isOutlookRule(line, lines, i);
    }

    private static int nonBlankLinesAfter(List<String> lines, int i) {
        int count = 0;
        for (int j = i + 1; j < lines.size() && count <= MAX_SIGNATURE_LINES; j++) {
            if (!lines.get(j).isBlank()) {
                count++;
            }
        }
        return count;
    }

    /** "On Mon, 1 Jan 2024, Ann &lt;ann@x&gt; wrote:", also wrapped over two lines. */
    private static boolean isAttribution(String line, List<String> lines, int i) {
        if (!(line.regionMatches(true, 0, "on ", 0, 3) || line.regionMatches(true, 0, "am ", 0, 3)
                || line.regionMatches(true, 0, "le ", 0, 3))) {
            return false;
        }
        if (ATTRIBUTION.matcher(line).matches()) {
            return true;
        }
        if (i + 1 < lines.size()) {
            String joined = line + " " + lines.get(i + 1).strip();
            return joined.length() <= MAX_CUE_LINE && ATTRIBUTION.matcher(joined).matches();
        }
        return false;
    }

    /** "From: …" followed within four lines by "Sent:"/"Date:" and "To:"/"Subject:", not a forward. */
    private static boolean isReplyHeaderBlock(String lower, List<String> lines, int i) {
        if (!(lower.startsWith("from:") || lower.startsWith("von:") || lower.startsWith("de :") || lower.startsWith("de:"))) {
            return false;
        }
        boolean sent = false;
        boolean addressed = false;
        for (int j = i + 1; j < Math.min(lines.size(), i + 5); j++) {
            String next = lines.get(j).strip().toLowerCase(Locale.ROOT);
            if (FORWARD_SUBJECT.matcher(next).matches()) {
                return false;
            }
            sent |= next.startsWith("sent:") || next.startsWith("date:") || next.startsWith("gesendet:")
                    || next.startsWith("envoyé :") || next.startsWith("envoyé:");
            addressed |= next.startsWith("to:") || next.startsWith("subject:") || next.startsWith("an:")
                    || next.startsWith("betreff:") || next.startsWith("à :") || next.startsWith("objet :");
        }
        return sent && addressed;
    }

    /** Outlook's "________________________________" rule directly above a reply header block. */
    private static boolean isOutlookRule(String line, List<String> lines, int i) {
        if (line.length() < 10 || line.charAt(0) != '_' || !line.chars().allMatch(c -> c == '_')) {
            return false;
        }
        for (int j = i + 1; j < Math.min(lines.size(), i + 3); j++) {
            String next = lines.get(j).strip().toLowerCase(Locale.ROOT);
            if (!next.isEmpty()) {
                return isReplyHeaderBlock(next, lines, j);
            }
        }
        return false;
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i));
                start = i + 1;
            }
        }
        lines.add(text.substring(start));
        return lines;
    }
}
