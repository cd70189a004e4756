package omega.context.control;

/** What a vector index holds for one ticket: its unit vector and the facets filters apply to. */
record IndexedVector(String ticketId, float[] vector, TicketFacets facets) {
}
