package omega.connectors.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;

import omega.connectors.api.NormalizationFailed;
import omega.connectors.api.PsaPlatform;
import omega.platform.api.TicketNormalized;

/**
 * Zendesk: event webhooks ({@code type: zen:event-type:ticket.*}, the ticket in {@code detail}, ids as strings,
 * enums in upper case), trigger/target webhooks and API documents carrying the ticket ({@code {"ticket": …}},
 * {@code {"tickets": […]}} with optional side-loaded users/groups/organizations, or a bare ticket, recognised by
 * {@code subject}, {@code raw_subject} or {@code requester_id} so that other Zendesk objects are not mistaken
 * for tickets).
 */
@ApplicationScoped
public class ZendeskNormalizer implements TicketNormalizer {

    static final String EVENT_PREFIX = "zen:event-type:";
    private static final Set<String> DELETIONS = Set.of("ticket.soft_deleted", "ticket.permanently_deleted",
            "ticket.marked_as_spam");
    private static final Map<String, String> PRIORITIES = Map.of("urgent", "P1", "high", "P2", "normal", "P3", "low", "P4");
    private static final Map<String, String> STATUSES = Map.of("new", "NEW", "open", "OPEN", "pending", "PENDING",
            "hold", "PENDING", "on-hold", "PENDING", "solved", "RESOLVED", "closed", "CLOSED");

    @Override
    public PsaPlatform platform() {
        return PsaPlatform.ZENDESK;
    }

    @Override
    public List<TicketNormalized> normalize(RawPayload raw) {
        JsonValue document = JsonDocuments.parse(platform(), raw.body());
        if (document instanceof JsonArray array) {
            return tickets(array, "", ZendeskSideloads.NONE, raw);
        }
        JsonFields root = JsonFields.of(document);
        if (root == null) {
            throw new NormalizationFailed(platform(), NormalizationFailed.UNSUPPORTED_EVENT,
                    "expected a JSON object, got " + document.getValueType());
        }
        String type = root.text("type");
        if (type != null && type.startsWith(EVENT_PREFIX)) {
            return List.of(event(root, type.substring(EVENT_PREFIX.length()), raw));
        }
        ZendeskSideloads sideloads = ZendeskSideloads.of(root);
        JsonArray tickets = root.array("tickets");
        if (tickets != null) {
            return tickets(tickets, "tickets", sideloads, raw);
        }
        JsonFields ticket = root.object("ticket");
        if (ticket != null) {
            return List.of(ticket(ticket, new TicketDraft(platform(), "ticket"), sideloads).build(raw));
        }
        if (root.has("subject") || root.has("raw_subject") || root.has("requester_id")) {
            return List.of(ticket(root, new TicketDraft(platform(), null), sideloads).build(raw));
        }
        throw new NormalizationFailed(platform(), NormalizationFailed.UNSUPPORTED_EVENT,
                "the payload is neither a zen:event-type event nor a ticket (subject, raw_subject or requester_id), "
                        + "{\"ticket\": …} or {\"tickets\": […]}");
    }

    private List<TicketNormalized> tickets(JsonArray array, String name, ZendeskSideloads sideloads, RawPayload raw) {
        List<TicketNormalized> result = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            TicketDraft draft = new TicketDraft(platform(), name + "[" + i + "]");
            JsonFields ticket = JsonFields.of(array.get(i));
            if (ticket == null) {
                throw draft.invalid("", "is not a JSON object");
            }
            result.add(ticket(ticket, draft, sideloads).build(raw));
        }
        return result;
    }

    private TicketNormalized event(JsonFields root, String eventType, RawPayload raw) {
        if (!eventType.startsWith("ticket.") || DELETIONS.contains(eventType)) {
            throw new NormalizationFailed(platform(), NormalizationFailed.UNSUPPORTED_EVENT,
                    "event " + EVENT_PREFIX + eventType + " carries no ticket to triage");
        }
        TicketDraft draft = new TicketDraft(platform(), "detail");
        JsonFields detail = root.object("detail");
        if (detail == null) {
            throw NormalizationFailed.missingField(platform(), "detail", "the ticket of a " + eventType + " event");
        }
        ticket(detail, draft, ZendeskSideloads.NONE);
        JsonFields change = root.object("event");
        if (change != null && eventType.equals("ticket.status_changed") && change.text("current") != null) {
            String current = change.text("current");
            draft.status(STATUSES.get(current.toLowerCase(Locale.ROOT)), current);
        }
        if (change != null && eventType.equals("ticket.priority_changed") && change.text("current") != null) {
            String current = change.text("current");
            draft.priority(PRIORITIES.get(current.toLowerCase(Locale.ROOT)), current);
        }
        if (!detail.has("updated_at")) {
            draft.updatedAt("time", root.text("time"));
        }
        return draft.build(raw);
    }

    private TicketDraft ticket(JsonFields t, TicketDraft draft, ZendeskSideloads sideloads) {
        String id = t.text("id");
        String priority = t.text("priority");
        String status = t.text("status");
        JsonFields comment = t.object("comment");
        String body = t.text("description");
        String bodyField = "description";
        if (body == null && comment != null) {
            body = comment.text("html_body", "body");
            bodyField = "comment.body";
        }
        draft.externalId("id", id).number(id)
                .title(t.has("subject") ? "subject" : "title", t.text("subject", "raw_subject", "title"))
                .body(bodyField, body)
                .requester(requester(t, sideloads))
                .client(client(t, sideloads))
                .priority(priority == null ? null : PRIORITIES.get(priority.toLowerCase(Locale.ROOT)), priority)
                .status(status == null ? null : STATUSES.get(status.toLowerCase(Locale.ROOT)), status)
                .category(lower(t.text("type", "ticket_type")))
                .label("queue", t.text("group_id", "group", "group_name"))
                .label("assignee", t.text("assignee_id", "assignee", "assignee_email"))
                .label("tags", tags(t))
                .createdAt("created_at", t.text("created_at"))
                .updatedAt("updated_at", t.text("updated_at"))
                .slaDueAt("due_at", t.text("due_at"));
        return draft;
    }

    private static String requester(JsonFields t, ZendeskSideloads sideloads) {
        String id = t.text("requester_id");
        JsonFields requester = t.object("requester");
        String email = sideloads.userEmail(id);
        if (email == null && requester != null) {
            email = requester.text("email", "name");
        }
        return email != null ? email : t.text("requester_email", "requester", "requester_id");
    }

    private static String client(JsonFields t, ZendeskSideloads sideloads) {
        String id = t.text("organization_id");
        JsonFields organization = t.object("organization");
        String name = sideloads.organizationName(id);
        if (name == null && organization != null) {
            name = organization.text("name");
        }
        return name != null ? name : t.text("organization_name", "organization", "organization_id");
    }

    private static String tags(JsonFields t) {
        JsonArray tags = t.array("tags");
        if (tags == null) {
            String text = t.text("tags");
            return text == null ? null : String.join(",", text.trim().split("[\\s,]+"));
        }
        List<String> names = new ArrayList<>(tags.size());
        for (JsonValue tag : tags) {
            String name = JsonFields.scalar(tag);
            if (name != null) {
                names.add(name);
            }
        }
        return names.isEmpty() ? null : String.join(",", names);
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
