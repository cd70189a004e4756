package omega.context.api;

import java.util.Map;

import omega.platform.api.ProblemException;

/** A free-text search of one tenant's resolved tickets. */
public record SearchQuery(String tenantId, String text, SearchFilter filter, int limit) {

    public static final int MAX_LIMIT = 100;

    public SearchQuery {
        if (tenantId == null || tenantId.isBlank()) {
            throw ProblemException.invalid("A search needs a tenant", Map.of("tenantId", "must not be blank"));
        }
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid("A search needs text", Map.of("text", "must not be blank"));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalid("Invalid limit", Map.of("limit", "must be between 1 and " + MAX_LIMIT));
        }
        filter = filter == null ? SearchFilter.NONE : filter;
    }

    public SearchQuery(String tenantId, String text, int limit) {
        this(tenantId, text, SearchFilter.NONE, limit);
    }
}
