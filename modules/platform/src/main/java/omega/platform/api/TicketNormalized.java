package omega.platform.api;

import java.util.Map;

/**
 * The canonical ticket, as published on {@code ticket-normalized}. Timestamps are ISO-8601 strings.
 *
 * @param ticketId       OMEGA's id when already assigned (tickets posted to the API), else null
 * @param version        grows with every update of the same (tenant, source, externalId); for a PSA ticket
 *                       its last-updated time in epoch milliseconds, so an older update never wins
 * @param number         the human ticket number in the source system, when it has one
 * @param priority       canonical priority {@code P1} (critical) .. {@code P5} (planning), or null
 * @param sourcePriority the source's own priority value, untouched
 * @param status         canonical status: NEW, OPEN, PENDING, RESOLVED, CLOSED, or null
 * @param sourceStatus   the source's own status value, untouched
 * @param category       the category submitted with the ticket, if any
 * @param labels         source labels that become training labels (category, queue, assignee, ...)
 * @param rawId          id of the stored raw payload this ticket was normalized from, or null
 * @param resolution     how the ticket was resolved (the source's resolution / close notes) when it says so, else null
 */
public record TicketNormalized(
        String ticketId,
        String tenantId,
        String source,
        String externalId,
        long version,
        String number,
        String title,
        String body,
        String requester,
        String client,
        String createdAt,
        String updatedAt,
        String slaDueAt,
        String priority,
        String sourcePriority,
        String status,
        String sourceStatus,
        String category,
        Map<String, String> labels,
        String rawId,
        String correlationId,
        String resolution) {
}
