package omega.connectors.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;

import omega.connectors.api.NormalizationFailed;
import omega.connectors.api.PsaPlatform;
import omega.platform.api.TicketNormalized;

/**
 * Autotask (Datto) Tickets entity: a query page ({@code {"items": [...], "pageDetails": {...}}}), a get
 * ({@code {"item": {...}}}), a bare ticket, or a webhook callout ({@code {"Action": "Create|Update|Delete",
 * "Guid", "EntityType": "Ticket", "Id", "Fields": {...}, "EventTime"}}; a callout carries only the subscribed and
 * "display always" fields, so make Title and Description display-always fields). Priority, status, queue and
 * issue type are integer picklist values; priority and status are mapped from Autotask's default picklists.
 */
@ApplicationScoped
public class AutotaskNormalizer implements TicketNormalizer {

    /** Default picklist: 4 Critical, 1 High, 2 Medium, 3 Low. */
    private static final Map<String, String> PRIORITIES = Map.of("4", "P1", "1", "P2", "2", "P3", "3", "P4");
    /** Default picklist: 1 New, 5 Complete, 7 Waiting Customer, 8 In Progress, 9 Waiting Materials,
     *  10 Dispatched, 11 Escalate, 12 Waiting Vendor, 13 Waiting Approval. */
    private static final Map<String, String> STATUSES = Map.of("1", "NEW", "5", "RESOLVED", "7", "PENDING",
            "8", "OPEN", "9", "PENDING", "10", "OPEN", "11", "OPEN", "12", "PENDING", "13", "PENDING");

    @Override
    public PsaPlatform platform() {
        return PsaPlatform.AUTOTASK;
    }

    @Override
    public List<TicketNormalized> normalize(RawPayload raw) {
        JsonFields root = JsonFields.of(JsonDocuments.parse(platform(), raw.body()));
        if (root == null) {
            throw new NormalizationFailed(platform(), NormalizationFailed.UNSUPPORTED_EVENT,
                    "expected a query page, an item, a ticket or a webhook callout");
        }
        JsonArray items = root.array("items");
        if (items != null) {
            List<TicketNormalized> tickets = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                tickets.add(ticket(JsonFields.of(items.get(i)), new TicketDraft(platform(), "items[" + i + "]"), null, raw));
            }
            return tickets;
        }
        JsonFields item = root.object("item");
        if (item != null) {
            return List.of(ticket(item, new TicketDraft(platform(), "item"), null, raw));
        }
        if (root.has("EntityType") || root.has("Fields")) {
            return List.of(callout(root, raw));
        }
        return List.of(ticket(root, new TicketDraft(platform(), null), null, raw));
    }

    private TicketNormalized callout(JsonFields callout, RawPayload raw) {
        String entityType = callout.text("EntityType");
        String action = callout.text("Action");
        if (entityType != null && !"Ticket".equalsIgnoreCase(entityType)) {
            throw new NormalizationFailed(platform(), NormalizationFailed.UNSUPPORTED_EVENT,
                    "webhook callout for a " + entityType + ", not a Ticket");
        }
        if (action != null && !"Create".equalsIgnoreCase(action) && !"Update".equalsIgnoreCase(action)) {
            throw new NormalizationFailed(platform(), NormalizationFailed.UNSUPPORTED_EVENT,
                    "webhook callout action '" + action + "' carries no ticket to triage");
        }
        JsonFields fields = callout.object("Fields");
        if (fields == null) {
            throw NormalizationFailed.missingField(platform(), "Fields", "the ticket fields of a webhook callout");
        }
        TicketDraft draft = new TicketDraft(platform(), "Fields");
        draft.updatedAt("EventTime", callout.text("EventTime"));
        return ticket(fields, draft, callout.text("Id"), raw);
    }

    private TicketNormalized ticket(JsonFields t, TicketDraft draft, String calloutId, RawPayload raw) {
        if (t == null) {
            throw draft.invalid("", "is not a JSON object");
        }
        String priority = t.text("priority");
        String status = t.text("status");
        String id = t.text("id") != null ? t.text("id") : calloutId;
        return draft.externalId(t.has("id") || calloutId == null ? "id" : "Id", id)
                .number(t.text("ticketNumber"))
                .title("title", t.text("title"))
                .body("description", t.text("description"))
                .requester(t.text("contactID"))
                .client(t.text("companyID"))
                .priority(priority == null ? null : PRIORITIES.get(priority), priority)
                .status(status == null ? null : STATUSES.get(status), status)
                .category(t.text("issueType"))
                .label("subcategory", t.text("subIssueType"))
                .label("queue", t.text("queueID"))
                .label("assignee", t.text("assignedResourceID"))
                .label("type", t.text("ticketType"))
                .createdAt("createDate", t.text("createDate"))
                .updatedAt("lastActivityDate", t.text("lastActivityDate"))
                .updatedAt("lastTrackedModificationDateTime", t.text("lastTrackedModificationDateTime"))
                .slaDueAt(t.nameOf("resolvedDueDateTime", "dueDateTime"), t.text("resolvedDueDateTime", "dueDateTime"))
                .resolution(t.text("resolution"))
                .build(raw);
    }
}
