package omega.platform.control;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parses {@code a=1&b=2} option strings (AMQP URI options passed through configuration). */
final class QueryOptions {

    private QueryOptions() {
    }

    static Map<String, String> parse(String options) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String pair : options.split("&")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Malformed option '" + pair + "' (expected name=value)");
            }
            result.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return result;
    }
}
