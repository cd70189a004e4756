package omega.connectors.control;

import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Lenient reads from one JSON object of a source payload: names are matched exactly first, then ignoring case
 * (Kaseya BMS and webhook templates vary the casing); scalars of any JSON type read as text; JSON null, blank
 * strings and absent fields all read as null.
 */
final class JsonFields {

    private final JsonObject json;

    JsonFields(JsonObject json) {
        this.json = json;
    }

    /** @return the fields of {@code value} when it is an object, else null */
    static JsonFields of(JsonValue value) {
        return value instanceof JsonObject object ? new JsonFields(object) : null;
    }

    JsonObject json() {
        return json;
    }

    /** @return the raw value of the first present field among {@code names}, or null */
    JsonValue value(String... names) {
        for (String name : names) {
            JsonValue value = lookup(name);
            if (value != null && value.getValueType() != JsonValue.ValueType.NULL) {
                return value;
            }
        }
        return null;
    }

    /** @return the first non-blank scalar among {@code names} as text (numbers as written, booleans as true/false) */
    String text(String... names) {
        for (String name : names) {
            String text = scalar(lookup(name));
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    /** @return the first of {@code names} that holds a non-blank scalar (for error messages), else the first name */
    String nameOf(String... names) {
        for (String name : names) {
            if (scalar(lookup(name)) != null) {
                return name;
            }
        }
        return names[0];
    }

    /** @return the named field as an object, or null when absent or not an object */
    JsonFields object(String name) {
        return of(lookup(name));
    }

    /** @return the named field as an array, or null when absent or not an array */
    JsonArray array(String name) {
        return lookup(name) instanceof JsonArray array ? array : null;
    }

    /** @return true for JSON true or the string "true" (any case) */
    boolean flag(String name) {
        JsonValue value = lookup(name);
        return value == JsonValue.TRUE || "true".equalsIgnoreCase(scalar(value));
    }

    boolean has(String name) {
        JsonValue value = lookup(name);
        return value != null && value.getValueType() != JsonValue.ValueType.NULL;
    }

    /** @return a scalar as text, or null for null, blank, objects and arrays */
    static String scalar(JsonValue value) {
        if (value == null) {
            return null;
        }
        String text = switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).toString();
            case TRUE -> "true";
            case FALSE -> "false";
            default -> null;
        };
        return text == null || text.isBlank() ? null : text.strip();
    }

    private JsonValue lookup(String name) {
        JsonValue exact = json.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, JsonValue> field : json.entrySet()) {
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }
}
