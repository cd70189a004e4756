package omega.titans.control.external;

import java.io.StringReader;
import java.util.NoSuchElementException;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Lenient reading of a provider's error document: a body that is not JSON yields nothing, never an exception. */
final class ErrorBody {

    private static final int MAX_MESSAGE = 300;

    private ErrorBody() {
    }

    /** @return the {@code error} object of {@code {"error": {...}}} (OpenAI, xAI, Anthropic, Gemini) */
    static Optional<JsonObject> errorObject(String body) {
        try {
            JsonValue root = Json.createReader(new StringReader(body)).readValue();
            if (root instanceof JsonObject object && object.get("error") instanceof JsonObject error) {
                return Optional.of(error);
            }
            return Optional.empty();
        } catch (JsonException | IllegalStateException | NoSuchElementException notJson) {
            return Optional.empty();
        }
    }

    static String text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString s ? s.getString() : null;
    }

    /** @return the provider's message, else the body, cut short (an HTML error page can be long) */
    static String message(Optional<JsonObject> error, String body) {
        String message = error.map(e -> text(e, "message")).orElse(body);
        if (message == null || message.isBlank()) {
            return "(no message)";
        }
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
    }
}
