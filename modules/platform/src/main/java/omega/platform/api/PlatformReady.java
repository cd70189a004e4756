package omega.platform.api;

/** CDI event fired once the schema is migrated and the bootstrap tenant exists; start background work on it. */
public record PlatformReady(String databaseProduct) {
}
