package omega.context.api;

/** One working-memory value as {@code GET /api/v1/context/working/{scope}/{key}} returns it. */
public record WorkingEntry(String scope, String key, String value) {
}
