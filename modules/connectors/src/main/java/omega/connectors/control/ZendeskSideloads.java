package omega.connectors.control;

import java.util.HashMap;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonValue;

/** Users and organizations side-loaded next to Zendesk tickets ({@code ?include=users,organizations}), by id. */
final class ZendeskSideloads {

    static final ZendeskSideloads NONE = new ZendeskSideloads(Map.of(), Map.of());

    private final Map<String, String> userEmails;
    private final Map<String, String> organizationNames;

    private ZendeskSideloads(Map<String, String> userEmails, Map<String, String> organizationNames) {
        this.userEmails = userEmails;
        this.organizationNames = organizationNames;
    }

    static ZendeskSideloads of(JsonFields root) {
        JsonArray users = root.array("users");
        JsonArray organizations = root.array("organizations");
        if (users == null && organizations == null) {
            return NONE;
        }
        return new ZendeskSideloads(byId(users, "email", "name"), byId(organizations, "name"));
    }

    String userEmail(String id) {
        return id == null ? null : userEmails.get(id);
    }

    String organizationName(String id) {
        return id == null ? null : organizationNames.get(id);
    }

    private static Map<String, String> byId(JsonArray items, String... valueNames) {
        Map<String, String> byId = new HashMap<>();
        if (items != null) {
            for (JsonValue item : items) {
                JsonFields fields = JsonFields.of(item);
                String id = fields == null ? null : fields.text("id");
                String value = fields == null ? null : fields.text(valueNames);
                if (id != null && value != null) {
                    byId.put(id, value);
                }
            }
        }
        return byId;
    }
}
