package omega.context.api;

import java.util.List;

/** The answer of {@code POST /api/v1/context/search}: matching remembered tickets, best first. */
public record SearchResults(List<SimilarTicket> items) {

    public SearchResults {
        items = List.copyOf(items);
    }
}
