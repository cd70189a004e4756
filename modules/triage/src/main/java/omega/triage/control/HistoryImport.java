package omega.triage.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import omega.platform.api.HistoricalTicket;
import omega.platform.api.PiiRedactor;
import omega.platform.api.ProblemException;
import omega.triage.api.TrainingReceipt;

/**
 * Stores labelled history: NDJSON streamed line by line ({@code {"externalId","title","body","labels":{...},
 * "resolution"?}} per line, stored in batches of {@value #BATCH}), or one {@code ticket-history} message. Text is
 * PII-tokenized before it is stored. Then the tenant's models are (re)trained in the background.
 */
@ApplicationScoped
public class HistoryImport {

    static final int BATCH = 200;
    static final int MAX_REPORTED = 100;
    static final String SOURCE = "history-import";

    @Inject
    Examples examples;

    @Inject
    Training training;

    @Inject
    PiiRedactor redactor;

    public TrainingReceipt importNdjson(String tenantId, InputStream body) {
        Map<Integer, String> rejected = new TreeMap<>();
        Set<String> labels = new TreeSet<>();
        List<Examples.Labelled> batch = new ArrayList<>(BATCH);
        int accepted = 0;
        int lineNumber = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Examples.Labelled example = parse(line);
                    labels.addAll(example.labels().keySet());
                    batch.add(example);
                    accepted++;
                } catch (IllegalArgumentException e) {
                    if (rejected.size() < MAX_REPORTED) {
                        rejected.put(lineNumber, e.getMessage());
                    }
                }
                if (batch.size() == BATCH) {
                    examples.upsertAll(tenantId, batch);
                    batch.clear();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lineNumber == 0) {
            throw new ProblemException(400, "validation-failed", "Empty history",
                    "Send one JSON object per line: {\"externalId\",\"title\",\"body\",\"labels\":{...}}");
        }
        examples.upsertAll(tenantId, batch);
        boolean started = accepted > 0 && training.train(tenantId);
        return new TrainingReceipt(accepted, rejected, List.copyOf(labels), started);
    }

    /** One historical ticket from {@code ticket-history}; retrains when enough new examples arrived. */
    public void store(HistoricalTicket ticket) {
        if (ticket.tenantId() == null || ticket.externalId() == null || ticket.labels() == null
                || ticket.labels().isEmpty()) {
            throw new IllegalArgumentException("ticket-history message without tenantId/externalId/labels");
        }
        examples.upsertAll(ticket.tenantId(), List.of(new Examples.Labelled(
                ticket.source() == null ? SOURCE : ticket.source(), ticket.externalId(),
                TicketText.of(redactor, ticket.title(), ticket.body(), null), clean(ticket.labels()), "history")));
        training.maybeRetrain(ticket.tenantId());
    }

    private Examples.Labelled parse(String line) {
        JsonObject o;
        try (JsonReader r = Json.createReader(new StringReader(line))) {
            o = r.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String externalId = string(o, "externalId");
        if (externalId == null || externalId.isBlank() || externalId.length() > 255) {
            throw new IllegalArgumentException("externalId is required (at most 255 characters)");
        }
        JsonValue labelsValue = o.get("labels");
        if (!(labelsValue instanceof JsonObject labelsObject) || labelsObject.isEmpty()) {
            throw new IllegalArgumentException("labels must be a non-empty object of strings");
        }
        Map<String, String> labels = new TreeMap<>();
        labelsObject.forEach((name, value) -> {
            if (value instanceof JsonString s && !s.getString().isBlank()) {
                labels.put(name, s.getString());
            } else if (value.getValueType() == JsonValue.ValueType.NUMBER) {
                labels.put(name, value.toString());
            }
        });
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("labels has no string value");
        }
        String text = TicketText.of(redactor, string(o, "title"), string(o, "body"), string(o, "requester"));
        return new Examples.Labelled(SOURCE, externalId, text, clean(labels), "import");
    }

    private static Map<String, String> clean(Map<String, String> labels) {
        Map<String, String> clean = new TreeMap<>();
        labels.forEach((name, value) -> {
            if (name.length() > 64 || value == null || value.isBlank() || value.length() > 255) {
                throw new IllegalArgumentException("label names are at most 64 characters, values 1-255");
            }
            clean.put(name, value.strip());
        });
        return clean;
    }

    private static String string(JsonObject o, String field) {
        JsonValue v = o.get(field);
        return v instanceof JsonString s ? s.getString() : null;
    }
}
