package omega.connectors.api;

import java.util.List;

/** A tenant's connections, by platform. */
public record ConnectionList(List<ConnectionView> items) {
}
