package omega.context.api;

import java.util.Map;

import omega.platform.api.ProblemException;

/**
 * Address of one piece of short-term working state, e.g. (acme, TICKET, t-42, "draft") or
 * (acme, SESSION, alice-session-7, "recent-views").
 */
public record WorkingKey(String tenantId, WorkingScope scope, String ownerId, String slot) {

    public WorkingKey {
        require("tenantId", tenantId);
        require("ownerId", ownerId);
        require("slot", slot);
        if (scope == null) {
            throw ProblemException.invalid("Invalid working memory key", Map.of("scope", "must not be null"));
        }
    }

    private static void require(String name, String value) {
        if (value == null || value.isBlank() || value.length() > 200) {
            throw ProblemException.invalid("Invalid working memory key",
                    Map.of(name, "must be 1 to 200 characters"));
        }
    }
}
