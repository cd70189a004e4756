package omega.connectors.control;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;

import omega.connectors.api.NormalizationFailed;
import omega.connectors.api.PsaPlatform;
import omega.platform.api.TicketNormalized;

/**
 * Kaseya BMS service desk tickets from the REST API ({@code /v2/servicedesk/tickets}): a page
 * {@code {"result": [...], "totalRecords": n}}, a single {@code {"result": {...}}}, an array or a bare ticket.
 * Field names are matched ignoring case (the API documents PascalCase DTOs, responses are seen in camelCase).
 * Times without an offset are read as UTC. Priorities and statuses are tenant-defined names, mapped by
 * {@link PriorityNames} and {@link StatusNames}.
 */
@ApplicationScoped
public class KaseyaBmsNormalizer implements TicketNormalizer {

    @Override
    public PsaPlatform platform() {
        return PsaPlatform.KASEYA_BMS;
    }

    @Override
    public List<TicketNormalized> normalize(RawPayload raw) {
        JsonValue document = JsonDocuments.parse(platform(), raw.body());
        if (document instanceof JsonArray array) {
            return tickets(array, "", raw);
        }
        JsonFields root = JsonFields.of(document);
        if (root == null) {
            throw new NormalizationFailed(platform(), NormalizationFailed.UNSUPPORTED_EVENT,
                    "expected a JSON object or array, got " + document.getValueType());
        }
        JsonValue result = root.value("result");
        if (result instanceof JsonArray array) {
            return tickets(array, "result", raw);
        }
        if (result != null) {
            return List.of(ticket(JsonFields.of(result), new TicketDraft(platform(), "result"), raw));
        }
        return List.of(ticket(root, new TicketDraft(platform(), null), raw));
    }

    private List<TicketNormalized> tickets(JsonArray array, String name, RawPayload raw) {
        List<TicketNormalized> tickets = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            tickets.add(ticket(JsonFields.of(array.get(i)), new TicketDraft(platform(), name + "[" + i + "]"), raw));
        }
        return tickets;
    }

    private TicketNormalized ticket(JsonFields t, TicketDraft draft, RawPayload raw) {
        if (t == null) {
            throw draft.invalid("", "is not a JSON object");
        }
        String priority = t.text("priorityName", "priority");
        String status = t.text("statusName", "status");
        String canonicalStatus = StatusNames.canonical(status);
        if (canonicalStatus == null && t.has("completedDate")) {
            canonicalStatus = "RESOLVED";
        }
        return draft.externalId("id", t.text("id", "ticketId"))
                .number(t.text("ticketNumber"))
                .title("title", t.text("title", "summary"))
                .body("details", t.text("details", "description"))
                .requester(t.text("contactEmail", "contactName"))
                .client(t.text("accountName", "accountCode", "accountId"))
                .priority(PriorityNames.canonical(priority), priority)
                .status(canonicalStatus, status)
                .category(t.text("issueTypeName", "issueType"))
                .label("subcategory", t.text("subIssueTypeName", "subIssueType"))
                .label("queue", t.text("queueName", "queue"))
                .label("assignee", t.text("assigneeName", "primaryAssigneeName", "assignee"))
                .label("type", t.text("typeName"))
                .createdAt(t.nameOf("createdOn", "openDate"), t.text("createdOn", "openDate"))
                .updatedAt("modifiedOn", t.text("modifiedOn"))
                .updatedAt("lastActivityUpdate", t.text("lastActivityUpdate"))
                .slaDueAt(t.nameOf("resolutionTargetTime", "dueDate"), t.text("resolutionTargetTime", "dueDate"))
                .build(raw);
    }
}
