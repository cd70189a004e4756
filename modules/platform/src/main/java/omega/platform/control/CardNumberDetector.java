package omega.platform.control;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Payment-card-like numbers: 13 to 19 digits, optionally grouped by spaces or dashes, starting with a card
 * industry digit (2–6) and passing the Luhn check. The first-digit rule keeps epoch-millisecond timestamps and
 * most order numbers out.
 */
final class CardNumberDetector implements PiiDetector {

    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![\\p{L}\\p{N}_.+/-])[2-6](?:[ -]?\\d){12,18}(?![\\p{L}\\p{N}_]|[ -]\\d)");

    @Override
    public PiiKind kind() {
        return PiiKind.CARD;
    }

    @Override
    public List<PiiMatch> find(String text) {
        List<PiiMatch> found = new ArrayList<>();
        Matcher matcher = CANDIDATE.matcher(text);
        while (matcher.find()) {
            String digits = matcher.group().replaceAll("[ -]", "");
            if (consistentSeparators(matcher.group()) && passesLuhn(digits)) {
                found.add(new PiiMatch(matcher.start(), matcher.end(), matcher.group(), digits));
            }
        }
        return found;
    }

    static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static boolean consistentSeparators(String candidate) {
        return !(candidate.contains(" ") && candidate.contains("-"));
    }
}
