package omega.context.api;

import java.util.Map;

/**
 * A remembered ticket similar to another, as the API and the dashboard show it (GET /tickets/{id}/similar, a
 * decision's {@code similarTickets}).
 *
 * @param excerpt    the start of the ticket's text
 * @param resolvedAt ISO-8601
 * @param why        the weighted contributions of embedding similarity, keyword match and recency
 */
public record SimilarTicket(String ticketId, String excerpt, Map<String, String> labels, String resolution,
                            String client, String category, String status, String resolvedAt, double score,
                            MatchReason why) {

    public static final int EXCERPT_CHARS = 200;

    public static SimilarTicket of(SearchHit hit) {
        ResolvedTicket t = hit.ticket();
        String text = t.text().strip();
        String excerpt = text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS - 1) + "…";
        return new SimilarTicket(t.ticketId(), excerpt, t.labels(), t.resolution(), t.client(), t.category(),
                t.status(), t.resolvedAt().toString(), Math.round(hit.score() * 10_000) / 10_000.0, hit.why());
    }
}
