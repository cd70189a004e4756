package omega.connectors.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import omega.connectors.api.NormalizationFailed;
import omega.connectors.api.PsaPlatform;
import omega.platform.api.TicketNormalized;

/**
 * ConnectWise PSA service tickets ({@code /service/tickets}): a ticket, an array of tickets, or a callback
 * ({@code {"Action": "added|updated|deleted", "Type": "ticket", "ID": …, "Entity": "<the ticket as a JSON string>"}}).
 * References are {@code {id, name, _info}} objects; record times sit in {@code _info} ({@code dateEntered},
 * {@code lastUpdated}). Priority and status names are per board, mapped by {@link PriorityNames} and
 * {@link StatusNames}; {@code closedFlag} makes a ticket CLOSED whatever its status name.
 */
@ApplicationScoped
public class ConnectWiseNormalizer implements TicketNormalizer {

    @Override
    public PsaPlatform platform() {
        return PsaPlatform.CONNECTWISE;
    }

    @Override
    public List<TicketNormalized> normalize(RawPayload raw) {
        JsonValue document = JsonDocuments.parse(platform(), raw.body());
        if (document instanceof JsonArray array) {
            List<TicketNormalized> tickets = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                tickets.add(ticket(JsonFields.of(array.get(i)), new TicketDraft(platform(), "[" + i + "]"), raw));
            }
            return tickets;
        }
        JsonFields root = JsonFields.of(document);
        if (root == null) {
            throw new NormalizationFailed(platform(), NormalizationFailed.UNSUPPORTED_EVENT,
                    "expected a ticket, an array of tickets or a callback");
        }
        if (root.has("Entity") || (root.has("Action") && root.has("Type"))) {
            return List.of(callback(root, raw));
        }
        return List.of(ticket(root, new TicketDraft(platform(), null), raw));
    }

    private TicketNormalized callback(JsonFields callback, RawPayload raw) {
        String type = callback.text("Type");
        String action = callback.text("Action");
        if (type != null && !type.toLowerCase(Locale.ROOT).contains("ticket")) {
            throw new NormalizationFailed(platform(), NormalizationFailed.UNSUPPORTED_EVENT,
                    "callback of type '" + type + "' is not a ticket");
        }
        if ("deleted".equalsIgnoreCase(action)) {
            throw new NormalizationFailed(platform(), NormalizationFailed.UNSUPPORTED_EVENT,
                    "callback action 'deleted' for ticket " + callback.text("ID") + " carries no ticket to triage");
        }
        JsonValue entity = callback.value("Entity");
        JsonValue ticket = entity;
        if (entity instanceof JsonString) {
            String json = JsonFields.scalar(entity);
            ticket = json == null ? null : JsonDocuments.parseEmbedded(platform(), "Entity", json);
        }
        if (ticket == null) {
            throw NormalizationFailed.missingField(platform(), "Entity", "the ticket a callback carries as a JSON string");
        }
        return ticket(JsonFields.of(ticket), new TicketDraft(platform(), "Entity"), raw);
    }

    private TicketNormalized ticket(JsonFields t, TicketDraft draft, RawPayload raw) {
        if (t == null) {
            throw draft.invalid("", "is not a JSON object");
        }
        JsonFields info = t.object("_info") != null ? t.object("_info") : t.object("info");
        String priority = name(t, "priority");
        String status = name(t, "status");
        String id = t.text("id");
        draft.externalId("id", id).number(id)
                .title("summary", t.text("summary"))
                .body("initialDescription", t.text("initialDescription", "description"))
                .requester(TicketDraft.firstOf(t.text("contactEmailAddress", "contactName"), name(t, "contact")))
                .client(name(t, "company"))
                .priority(PriorityNames.canonical(priority), priority)
                .status(t.flag("closedFlag") ? "CLOSED" : StatusNames.canonical(status), status)
                .category(name(t, "type"))
                .label("subcategory", name(t, "subType"))
                .label("item", name(t, "item"))
                .label("queue", name(t, "board"))
                .label("team", name(t, "team"))
                .label("assignee", TicketDraft.firstOf(identifier(t, "owner"), t.text("resources")))
                .slaDueAt("requiredDate", t.text("requiredDate"));
        String created = info == null ? null : info.text("dateEntered");
        if (created != null) {
            draft.createdAt("_info.dateEntered", created);
        } else {
            draft.createdAt("dateEntered", t.text("dateEntered"));
        }
        return draft.updatedAt("_info.lastUpdated", info == null ? null : info.text("lastUpdated")).build(raw);
    }

    /** A reference's {@code name} ({@code {id, name, _info}}), or a plain string value. */
    private static String name(JsonFields t, String field) {
        JsonFields reference = t.object(field);
        return reference != null ? reference.text("name", "identifier") : t.text(field);
    }

    private static String identifier(JsonFields t, String field) {
        JsonFields reference = t.object(field);
        return reference != null ? reference.text("identifier", "name") : null;
    }
}
