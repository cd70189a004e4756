package omega.connectors.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import omega.connectors.api.NormalizationFailed;
import omega.connectors.api.PsaPlatform;
import omega.platform.api.TicketNormalized;

/**
 * Salesforce Cases: REST sObject JSON (a Case, a query result's {@code records}, or an array) and SOAP Outbound
 * Messages whose notifications carry {@code sf:Case} objects (parsed by {@link SalesforceOutboundMessage},
 * XXE-safe). An outbound message only carries the fields it was configured with: include at least Id, Subject
 * or Description, and the fields below.
 */
@ApplicationScoped
public class SalesforceNormalizer implements TicketNormalizer {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final String QUEUE_ID_PREFIX = "00G";
    private static final String USER_ID_PREFIX = "005";

    @Override
    public PsaPlatform platform() {
        return PsaPlatform.SALESFORCE;
    }

    @Override
    public List<TicketNormalized> normalize(RawPayload raw) {
        return raw.looksLikeXml() ? outboundMessage(raw) : json(raw);
    }

    private List<TicketNormalized> outboundMessage(RawPayload raw) {
        SalesforceOutboundMessage message = SalesforceOutboundMessage.parse(raw.body());
        List<TicketNormalized> tickets = new ArrayList<>(message.notifications().size());
        for (int i = 0; i < message.notifications().size(); i++) {
            SalesforceOutboundMessage.Notification notification = message.notifications().get(i);
            if (!"Case".equals(notification.sObjectType())) {
                throw new NormalizationFailed(platform(), NormalizationFailed.UNSUPPORTED_EVENT,
                        "Notification[" + i + "] carries a " + notification.sObjectType() + ", not a Case");
            }
            tickets.add(caseRecord(asJson(notification.fields()), new TicketDraft(platform(), "Notification[" + i + "].sObject"), raw));
        }
        return tickets;
    }

    private List<TicketNormalized> json(RawPayload raw) {
        JsonValue document = JsonDocuments.parse(platform(), raw.body());
        JsonFields root = JsonFields.of(document);
        JsonArray records = document instanceof JsonArray array ? array : root == null ? null : root.array("records");
        if (records != null) {
            String name = document instanceof JsonArray ? "" : "records";
            List<TicketNormalized> tickets = new ArrayList<>(records.size());
            for (int i = 0; i < records.size(); i++) {
                tickets.add(caseRecord(JsonFields.of(records.get(i)), new TicketDraft(platform(), name + "[" + i + "]"), raw));
            }
            return tickets;
        }
        if (root == null) {
            throw new NormalizationFailed(platform(), NormalizationFailed.UNSUPPORTED_EVENT,
                    "expected a Case object, a query result or an outbound message");
        }
        return List.of(caseRecord(root, new TicketDraft(platform(), null), raw));
    }

    private TicketNormalized caseRecord(JsonFields c, TicketDraft draft, RawPayload raw) {
        if (c == null) {
            throw draft.invalid("", "is not a JSON object");
        }
        JsonFields attributes = c.object("attributes");
        String type = attributes == null ? null : attributes.text("type");
        if (type != null && !type.equals("Case")) {
            throw new NormalizationFailed(platform(), NormalizationFailed.UNSUPPORTED_EVENT,
                    "the record is a " + type + ", not a Case");
        }
        String priority = c.text("Priority");
        String status = c.text("Status");
        String owner = c.text("OwnerId");
        return draft.externalId("Id", c.text("Id"))
                .number(c.text("CaseNumber"))
                .title("Subject", c.text("Subject"))
                .body("Description", c.text("Description"))
                .requester(TicketDraft.firstOf(c.text("ContactEmail", "SuppliedEmail"), related(c, "Contact", "Email"),
                        c.text("SuppliedName"), related(c, "Contact", "Name"), c.text("ContactId")))
                .client(TicketDraft.firstOf(related(c, "Account", "Name"), c.text("SuppliedCompany"), c.text("AccountId")))
                .priority(PriorityNames.canonical(priority), priority)
                .status(c.flag("IsClosed") ? "CLOSED" : StatusNames.canonical(status), status)
                .category(c.text("Type", "Reason"))
                .label("reason", c.text("Reason"))
                .label("queue", owner != null && owner.startsWith(QUEUE_ID_PREFIX) ? owner : null)
                .label("assignee", owner != null && owner.startsWith(USER_ID_PREFIX) ? owner : null)
                .createdAt("CreatedDate", c.text("CreatedDate"))
                .updatedAt("LastModifiedDate", c.text("LastModifiedDate"))
                .updatedAt("SystemModstamp", c.text("SystemModstamp"))
                .build(raw);
    }

    private static String related(JsonFields c, String relationship, String field) {
        JsonFields related = c.object(relationship);
        return related == null ? null : related.text(field);
    }

    private static JsonFields asJson(Map<String, String> fields) {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        fields.forEach((name, value) -> {
            if (value != null) {
                object.add(name, value);
            }
        });
        return new JsonFields(object.build());
    }
}
