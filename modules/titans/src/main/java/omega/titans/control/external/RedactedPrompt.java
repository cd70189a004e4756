package omega.titans.control.external;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.json.Json;
import jakarta.json.JsonString;

import omega.platform.api.PiiRedactor;
import omega.platform.api.Redaction;
import omega.titans.api.TitanRequest;

/**
 * The user message for one classification, redacted as a whole: the label, its allowed values (one JSON string a
 * line, sorted) and the ticket text. The allowed values go through the same redaction as the text — a label value
 * may be a person or an address too — and no detector matches across a line break, so line i of the value block is
 * value i redacted.
 *
 * @param values original allowed value by its redacted form, in prompt order
 */
record RedactedPrompt(String userMessage, Redaction redaction, Map<String, String> values) {

    private static final String VALUES_HEADER = "Allowed values (JSON strings, one per line):";

    static RedactedPrompt of(PiiRedactor redactor, TitanRequest request, Collection<String> requesterFields) {
        List<String> allowed = new ArrayList<>(new TreeSet<>(request.allowedValues()));
        StringBuilder message = new StringBuilder()
                .append("Label: ").append(request.label()).append('\n')
                .append(VALUES_HEADER).append('\n');
        allowed.forEach(value -> message.append(Json.createValue(value)).append('\n'));
        message.append("Ticket:\n").append(request.text());
        Redaction redaction = redactor.redact(message.toString(), requesterFields);

        String[] lines = redaction.text().split("\n", -1);
        int first = List.of(lines).indexOf(VALUES_HEADER) + 1;
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < allowed.size(); i++) {
            values.putIfAbsent(jsonString(lines[first + i]), allowed.get(i));
        }
        return new RedactedPrompt(redaction.text(), redaction, values);
    }

    List<String> redactedValues() {
        return List.copyOf(values.keySet());
    }

    private static String jsonString(String line) {
        return ((JsonString) Json.createReader(new StringReader(line)).readValue()).getString();
    }

    @Override
    public String toString() {
        return "RedactedPrompt[" + values.size() + " values, " + redaction + "]";
    }
}
