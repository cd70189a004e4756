package omega.context.api;

import java.util.List;

/**
 * Why a ticket matched. The three contributions are already weighted and add up to the hit's score.
 *
 * @param vector       weight × cosine similarity of the embeddings (negative similarity counts as 0)
 * @param keyword      weight × BM25 score relative to the best keyword match of this search
 * @param recency      weight × exponential decay of the ticket's age (1 when resolved just now)
 * @param similarity   the raw cosine similarity, for display
 * @param matchedTerms the query's words that the ticket's text also contains (after stemming)
 */
public record MatchReason(double vector, double keyword, double recency, double similarity, List<String> matchedTerms) {

    public MatchReason {
        matchedTerms = List.copyOf(matchedTerms);
    }
}
