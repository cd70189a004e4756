package omega.platform.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A redacted text and the in-memory mapping from its tokens back to the original values. {@link #toString()}
 * never shows the originals.
 */
public final class Redaction {

    private static final Pattern TOKEN = Pattern.compile("<(?:EMAIL|PHONE|IP|NAME|URL|CARD)_\\d+>");

    private final String text;
    private final Map<String, String> originals;

    /** @param originals original value by token, in the order the tokens were handed out */
    public Redaction(String text, Map<String, String> originals) {
        this.text = text;
        this.originals = Collections.unmodifiableMap(new LinkedHashMap<>(originals));
    }

    /** @return the text with every detected value replaced by its token */
    public String text() {
        return text;
    }

    /** @return original value by token (unmodifiable); keep it in memory only */
    public Map<String, String> originals() {
        return originals;
    }

    /** @return how many distinct values were tokenized */
    public int size() {
        return originals.size();
    }

    /**
     * Puts the original values back into a text that came back (an answer, an explanation). Tokens this redaction
     * did not hand out stay as they are.
     */
    public String restore(String answer) {
        if (answer == null || originals.isEmpty()) {
            return answer;
        }
        Matcher matcher = TOKEN.matcher(answer);
        StringBuilder restored = new StringBuilder(answer.length());
        while (matcher.find()) {
            String original = originals.getOrDefault(matcher.group(), matcher.group());
            matcher.appendReplacement(restored, Matcher.quoteReplacement(original));
        }
        matcher.appendTail(restored);
        return restored.toString();
    }

    @Override
    public String toString() {
        return "Redaction[" + originals.size() + " tokens: " + originals.keySet() + "]";
    }
}
