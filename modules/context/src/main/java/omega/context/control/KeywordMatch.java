package omega.context.control;

/** A BM25 answer: a ticket and its score (comparable only within one search). */
record KeywordMatch(String ticketId, float score) {
}
