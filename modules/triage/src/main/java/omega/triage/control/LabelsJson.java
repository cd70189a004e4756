package omega.triage.control;

import java.io.StringReader;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

/** Labels (name → value) as a small JSON object in one column. */
final class LabelsJson {

    private LabelsJson() {
    }

    static String write(Map<String, String> labels) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        new TreeMap<>(labels).forEach(b::add);
        return b.build().toString();
    }

    static Map<String, String> read(String json) {
        Map<String, String> labels = new TreeMap<>();
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            JsonObject o = r.readObject();
            o.forEach((k, v) -> {
                if (v instanceof JsonString s) {
                    labels.put(k, s.getString());
                }
            });
        }
        return labels;
    }
}
