package omega.context.control;

import java.time.Instant;
import java.util.Map;
import java.util.Random;

import omega.context.api.ResolvedTicket;

/** Test tickets and vectors. */
final class Tickets {

    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private Tickets() {
    }

    static ResolvedTicket ticket(String tenantId, String ticketId, String text) {
        return ticket(tenantId, ticketId, text, "Acme Dental", "email", "requester@acme.example", NOW.minusSeconds(3600));
    }

    static ResolvedTicket ticket(String tenantId, String ticketId, String text, String client, String category,
            String requester, Instant resolvedAt) {
        return new ResolvedTicket(tenantId, ticketId, text, Map.of("category", category, "queue", "service-desk"),
                "Reset the mail profile", client, category, "RESOLVED", requester, resolvedAt);
    }

    static float[] randomUnitVector(Random random, int dimension) {
        float[] vector = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        return UnitVectors.normalized(vector);
    }

    static TicketFacets facets(String client, String category) {
        return new TicketFacets(client, category, "RESOLVED", NOW.toEpochMilli());
    }
}
