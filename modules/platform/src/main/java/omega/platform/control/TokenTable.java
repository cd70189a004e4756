package omega.platform.control;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hands out the tokens of one redaction: one token per distinct value and kind, numbered per kind in order of
 * first appearance, never a token that already occurs literally in the source text (restoring it would invent a
 * value the text never had).
 */
final class TokenTable {

    private final String source;
    private final Map<String, String> tokenByKey = new HashMap<>();
    private final Map<String, String> originalByToken = new LinkedHashMap<>();
    private final Map<PiiKind, Integer> lastNumber = new EnumMap<>(PiiKind.class);

    TokenTable(String source) {
        this.source = source;
    }

    String tokenFor(PiiKind kind, PiiMatch match) {
        return tokenByKey.computeIfAbsent(kind + "|" + match.key(), key -> {
            String token;
            int number = lastNumber.getOrDefault(kind, 0);
            do {
                number++;
                token = "<" + kind + "_" + number + ">";
            } while (source.contains(token));
            lastNumber.put(kind, number);
            originalByToken.put(token, match.value());
            return token;
        });
    }

    Map<String, String> originals() {
        return originalByToken;
    }
}
