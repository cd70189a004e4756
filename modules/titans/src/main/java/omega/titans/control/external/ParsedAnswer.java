package omega.titans.control.external;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;

/**
 * A model's JSON answer, read strictly: exactly one object (a Markdown code fence around it is tolerated), a string
 * {@code value}, a {@code confidence} in [0, 1], optional {@code alternatives} of the same shape and an optional
 * string {@code explanation}. Values are still in their redacted form.
 */
record ParsedAnswer(String value, double confidence, List<Candidate> alternatives, String explanation) {

    record Candidate(String value, double confidence) {
    }

    /** @throws IllegalArgumentException saying what is wrong */
    static ParsedAnswer parse(String content) {
        if (content == null || content.isBlank()) {
            throw new IllegalArgumentException("the model answered no text");
        }
        JsonObject answer;
        try (JsonParser parser = Json.createParser(new StringReader(unfenced(content.strip())))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new IllegalArgumentException("the answer is not a JSON object");
            }
            answer = parser.getObject();
            if (parser.hasNext()) {
                throw new IllegalArgumentException("the answer has text after its JSON object");
            }
        } catch (JsonException | NoSuchElementException e) {
            throw new IllegalArgumentException("the answer is not one JSON object: " + e.getMessage(), e);
        }
        List<Candidate> alternatives = new ArrayList<>();
        JsonValue listed = answer.get("alternatives");
        if (listed != null && listed != JsonValue.NULL) {
            if (!(listed instanceof JsonArray array)) {
                throw new IllegalArgumentException("'alternatives' is not an array");
            }
            for (JsonValue item : array) {
                if (!(item instanceof JsonObject alternative)) {
                    throw new IllegalArgumentException("an alternative is not an object");
                }
                alternatives.add(new Candidate(text(alternative, "value"), confidence(alternative)));
            }
        }
        JsonValue explanation = answer.get("explanation");
        if (explanation != null && explanation != JsonValue.NULL && !(explanation instanceof JsonString)) {
            throw new IllegalArgumentException("'explanation' is not a string");
        }
        return new ParsedAnswer(text(answer, "value"), confidence(answer), List.copyOf(alternatives),
                explanation instanceof JsonString s ? s.getString() : null);
    }

    private static String text(JsonObject object, String name) {
        if (!(object.get(name) instanceof JsonString s) || s.getString().isBlank()) {
            throw new IllegalArgumentException("'" + name + "' is missing or not a non-empty string");
        }
        return s.getString();
    }

    private static double confidence(JsonObject object) {
        if (!(object.get("confidence") instanceof JsonNumber n)) {
            throw new IllegalArgumentException("'confidence' is missing or not a number");
        }
        double confidence = n.doubleValue();
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("'confidence' is not in [0, 1]: " + confidence);
        }
        return confidence;
    }

    private static String unfenced(String content) {
        if (!content.startsWith("```") || !content.endsWith("```") || content.length() < 6) {
            return content;
        }
        String inner = content.substring(3, content.length() - 3);
        int newline = inner.indexOf('\n');
        String firstLine = newline < 0 ? "" : inner.substring(0, newline).strip();
        return firstLine.isEmpty() || firstLine.equalsIgnoreCase("json") ? inner.substring(newline + 1) : inner;
    }
}
