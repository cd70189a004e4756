package omega.platform.control;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** E-mail addresses (also inside {@code mailto:} links and {@code Name <address>} forms). */
final class EmailDetector implements PiiDetector {

    static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+"
                    + "\\p{L}{2,63}(?![\\p{L}\\p{N}-])");

    @Override
    public PiiKind kind() {
        return PiiKind.EMAIL;
    }

    @Override
    public List<PiiMatch> find(String text) {
        return EMAIL.matcher(text).results()
                .map(m -> new PiiMatch(m.start(), m.end(), m.group(), m.group().toLowerCase(Locale.ROOT)))
                .toList();
    }
}
