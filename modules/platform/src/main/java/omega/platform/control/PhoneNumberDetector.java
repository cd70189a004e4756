package omega.platform.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Telephone numbers in international ({@code +44 20 7946 0958}, {@code 0049 30 1234567}) and national forms
 * ({@code (555) 123-4567}, {@code 555.123.4567}, {@code 020 7946 0958}), with an optional extension. Dates,
 * ticket numbers ({@code #1234567}), versions and bare digit runs without a phone word nearby are not phones.
 */
final class PhoneNumberDetector implements PiiDetector {

    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![\\p{L}\\p{N}_+#./\\-])(?:\\+|\\(\\+?)?\\d[\\d \\t().\\-/]{5,80}\\d"
                    + "(?:\\s*(?:x|ext\\.?|extension)\\s*\\d{1,6})?(?![\\p{L}\\p{N}_])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PIECE = Pattern.compile("[^\\s/]+(?:\\s*(?:x|ext\\.?|extension)\\s*\\d{1,6})?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE = Pattern.compile(
            "\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}|\\d{1,2}[-./]\\d{1,2}[-./]\\d{2,4}");
    private static final Pattern EXTENSION = Pattern.compile("(?i)\\s*(?:x|ext\\.?|extension)\\s*\\d{1,6}$");
    private static final Pattern SEVEN_DIGIT_LOCAL = Pattern.compile("\\d{3}[-. ]\\d{4}");
    private static final Pattern PHONE_WORD = Pattern.compile(
            "(?i)(?:phone|tel|telephone|call|mobile|cell|fax|ph|whatsapp|sms|text me|ring|reach me)"
                    + "\\b[^\\p{L}\\n]{0,6}$");

    @Override
    public PiiKind kind() {
        return PiiKind.PHONE;
    }

    @Override
    public List<PiiMatch> find(String text) {
        List<PiiMatch> found = new ArrayList<>();
        Matcher matcher = CANDIDATE.matcher(text);
        while (matcher.find()) {
            segment(text, matcher.start(), matcher.end(), found);
        }
        return found;
    }

    /** A run may hold several numbers ("555-123-4567 / 555-987-6543"): take the longest phones from the left. */
    private static void segment(String text, int start, int end, List<PiiMatch> found) {
        List<int[]> pieces = new ArrayList<>();
        Matcher piece = PIECE.matcher(text).region(start, end);
        while (piece.find()) {
            pieces.add(new int[] {piece.start(), piece.end()});
        }
        int i = 0;
        while (i < pieces.size()) {
            int taken = -1;
            for (int j = pieces.size() - 1; j >= i && taken < 0; j--) {
                if (isPhoneAt(text, pieces.get(i)[0], pieces.get(j)[1])) {
                    taken = j;
                }
            }
            if (taken >= 0) {
                int from = pieces.get(i)[0];
                int to = pieces.get(taken)[1];
                String value = text.substring(from, to);
                found.add(new PiiMatch(from, to, value, value.replaceAll("[^\\d+x]", "").toLowerCase(Locale.ROOT)));
                i = taken + 1;
            } else {
                i++;
            }
        }
    }

    private static boolean isPhoneAt(String text, int from, int to) {
        String candidate = text.substring(from, to);
        if (!candidate.matches("(?s)[(+\\d].*\\d")) {
            return false;
        }
        String before = text.substring(Math.max(0, from - 24), from);
        return isPhone(EXTENSION.matcher(candidate).replaceFirst(""), PHONE_WORD.matcher(before).find());
    }

    static boolean isPhone(String number, boolean phoneWordBefore) {
        if (DATE.matcher(number).find() || !balancedParentheses(number) || number.matches(".*[ .\\-/]{2,}.*")) {
            return false;
        }
        int digits = (int) number.chars().filter(Character::isDigit).count();
        if (digits < 7 || digits > 15) {
            return false;
        }
        boolean international = number.startsWith("+") || number.startsWith("(+") || number.startsWith("00");
        if (international) {
            return digits >= 8;
        }
        if (phoneWordBefore) {
            return true;
        }
        if (number.contains("(")) {
            return digits >= 9;
        }
        if (digits == 7) {
            return SEVEN_DIGIT_LOCAL.matcher(number).matches();
        }
        boolean grouped = number.matches(".*\\d[ .\\-/]\\d.*");
        return grouped && (digits == 10 || digits == 11);
    }

    private static boolean balancedParentheses(String number) {
        int depth = 0;
        for (char c : number.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0 || depth > 1) {
                return false;
            }
        }
        return depth == 0;
    }
}
