package omega.context.control;

/** A vector index answer: a ticket and its cosine similarity to the query. */
record Neighbor(String ticketId, float similarity) {
}
