package omega.platform.api;

/** What makes a message unique for idempotent consumption: tenant + source + external id + version. */
public record MessageKey(String consumer, String tenantId, String source, String externalId, long version) {
}
