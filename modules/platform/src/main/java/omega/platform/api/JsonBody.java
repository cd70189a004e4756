package omega.platform.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

/**
 * Reads request bodies with JSON-B so that malformed JSON always becomes a 400 problem
 * (unknown fields are tolerated) and writes message bodies.
 */
public final class JsonBody {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private JsonBody() {
    }

    public static <T> T parse(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new ProblemException(400, "malformed-json", "Malformed JSON", "The JSON document is empty");
        }
        try {
            T value = JSONB.fromJson(json, type);
            if (value == null) {
                throw new ProblemException(400, "malformed-json", "Malformed JSON", "The JSON document is null");
            }
            return value;
        } catch (JsonbException e) {
            throw new ProblemException(400, "malformed-json", "Malformed JSON",
                    "Malformed JSON for " + type.getSimpleName() + ": " + firstLine(e));
        }
    }

    public static String write(Object value) {
        return JSONB.toJson(value);
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int nl = message.indexOf('\n');
        message = nl < 0 ? message : message.substring(0, nl);
        return message.length() > 200 ? message.substring(0, 200) : message;
    }
}
