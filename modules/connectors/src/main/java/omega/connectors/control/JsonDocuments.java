package omega.connectors.control;

import java.io.StringReader;

import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import omega.connectors.api.NormalizationFailed;
import omega.connectors.api.PsaPlatform;

/** Parses payload bodies with JSON-P; anything that is not JSON becomes {@code malformed-json}. */
final class JsonDocuments {

    /** Looked up once: {@code Json.createReader} would search for the provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonDocuments() {
    }

    static JsonValue parse(PsaPlatform platform, String body) {
        if (body == null || body.isBlank()) {
            throw new NormalizationFailed(platform, NormalizationFailed.MALFORMED_JSON, "the body is empty");
        }
        String text = body.charAt(0) == '\uFEFF' ? body.substring(1) : body;
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonException e) {
            throw new NormalizationFailed(platform, NormalizationFailed.MALFORMED_JSON,
                    "the body is not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    /** For JSON carried inside a string field (ConnectWise callbacks' {@code Entity}). */
    static JsonValue parseEmbedded(PsaPlatform platform, String field, String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readValue();
        } catch (JsonException e) {
            throw new NormalizationFailed(platform, NormalizationFailed.MALFORMED_JSON,
                    "field '" + field + "' does not hold valid JSON: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
