package omega.context.api;

/** The body of {@code POST /api/v1/context/search}: {@code {"text", "limit", "filter": {"client","category","status"}}}. */
public record SearchRequest(String text, Integer limit, SearchFilter filter) {
}
