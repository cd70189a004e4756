package omega.connectors.api;

/** The answer to creating a connection: the only time the webhook token is shown (only its hash is stored). */
public record ConnectionCreated(ConnectionView connection, String webhookToken) {
}
