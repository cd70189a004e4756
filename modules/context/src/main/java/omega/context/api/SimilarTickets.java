package omega.context.api;

import java.util.List;

/** The answer of {@code GET /api/v1/tickets/{id}/similar}: remembered tickets like this one, best first. */
public record SimilarTickets(String ticketId, List<SimilarTicket> items) {

    public SimilarTickets {
        items = List.copyOf(items);
    }
}
