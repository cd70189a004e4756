package omega.context.api;

/** One remembered ticket that matched a search, with its score and the reason it matched. */
public record SearchHit(ResolvedTicket ticket, double score, MatchReason why) {
}
