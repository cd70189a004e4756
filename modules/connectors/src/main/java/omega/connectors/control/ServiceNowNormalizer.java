package omega.connectors.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import omega.connectors.api.NormalizationFailed;
import omega.connectors.api.PsaPlatform;
import omega.platform.api.TicketNormalized;

/**
 * ServiceNow Table API records ({@code {"result": [...]}} from a query, {@code {"result": {...}}} from a get, or a
 * bare record from an outbound REST message). Every value is a string; reference fields are {@code {link, value}}
 * objects, or {@code {display_value, value, link}} with {@code sysparm_display_value=all}: the display value is
 * preferred for text and labels, the raw value for priority and state codes.
 */
@ApplicationScoped
public class ServiceNowNormalizer implements TicketNormalizer {

    /** Incident states (also {@code incident_state}); other task tables are mapped by the state's display name. */
    private static final Map<String, String> INCIDENT_STATES = Map.of("1", "NEW", "2", "OPEN", "3", "PENDING",
            "6", "RESOLVED", "7", "CLOSED", "8", "CLOSED");

    @Override
    public PsaPlatform platform() {
        return PsaPlatform.SERVICENOW;
    }

    @Override
    public List<TicketNormalized> normalize(RawPayload raw) {
        JsonFields root = JsonFields.of(JsonDocuments.parse(platform(), raw.body()));
        if (root == null) {
            throw new NormalizationFailed(platform(), NormalizationFailed.UNSUPPORTED_EVENT,
                    "expected a JSON object with 'result' or a record");
        }
        JsonValue result = root.value("result");
        if (result instanceof JsonArray records) {
            List<TicketNormalized> tickets = new ArrayList<>(records.size());
            for (int i = 0; i < records.size(); i++) {
                tickets.add(record(JsonFields.of(records.get(i)), new TicketDraft(platform(), "result[" + i + "]"), raw));
            }
            return tickets;
        }
        if (result != null) {
            return List.of(record(JsonFields.of(result), new TicketDraft(platform(), "result"), raw));
        }
        if (root.has("sys_id") || root.has("number")) {
            return List.of(record(root, new TicketDraft(platform(), null), raw));
        }
        throw NormalizationFailed.missingField(platform(), "result", "the Table API's record or list of records");
    }

    private TicketNormalized record(JsonFields r, TicketDraft draft, RawPayload raw) {
        if (r == null) {
            throw draft.invalid("", "is not a JSON object");
        }
        String priority = code(r, "priority");
        String stateField = r.has("state") ? "state" : "incident_state";
        String state = code(r, stateField);
        String className = code(r, "sys_class_name");
        String canonicalState = state != null && (className == null || "incident".equals(className))
                ? INCIDENT_STATES.get(state) : null;
        if (canonicalState == null) {
            canonicalState = StatusNames.canonical(display(r, stateField));
        }
        return draft.externalId("sys_id", code(r, "sys_id"))
                .number(display(r, "number"))
                .title("short_description", display(r, "short_description"))
                .body("description", display(r, "description"))
                .requester(display(r, "caller_id", "opened_by"))
                .client(display(r, "company"))
                .priority(PriorityNames.canonical(priority), priority)
                .status(canonicalState, state)
                .category(display(r, "category"))
                .label("subcategory", display(r, "subcategory"))
                .label("queue", display(r, "assignment_group"))
                .label("assignee", display(r, "assigned_to"))
                .createdAt(r.nameOf("sys_created_on", "opened_at"), code(r, "sys_created_on", "opened_at"))
                .updatedAt("sys_updated_on", code(r, "sys_updated_on"))
                .slaDueAt(r.nameOf("sla_due", "due_date"), code(r, "sla_due", "due_date"))
                .resolution(display(r, "close_notes"))
                .build(raw);
    }

    /** The human-readable value: a plain string, else a reference's {@code display_value}, else its {@code value}. */
    private static String display(JsonFields r, String... names) {
        for (String name : names) {
            String text = read(r.value(name), "display_value", "value");
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    /** The stored value: a plain string, else a reference's {@code value}, else its {@code display_value}. */
    private static String code(JsonFields r, String... names) {
        for (String name : names) {
            String text = read(r.value(name), "value", "display_value");
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    private static String read(JsonValue value, String first, String second) {
        if (value == null || value instanceof JsonString) {
            return JsonFields.scalar(value);
        }
        JsonFields reference = JsonFields.of(value);
        return reference == null ? JsonFields.scalar(value) : reference.text(first, second);
    }
}
