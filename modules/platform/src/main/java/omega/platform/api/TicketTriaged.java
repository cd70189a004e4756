package omega.platform.api;

import java.util.Map;

/**
 * A ticket was triaged, as published on {@code ticket-triaged} (consumed by shadow, the dashboard and the connectors'
 * write-back). Per label: the decided value, its calibrated confidence and its tier ({@code AUTO}, {@code CONFIRM},
 * {@code MANUAL}); a label without a value (cold start) is only in {@code tiers} as {@code MANUAL}. The full decision
 * (alternatives, evidence, inputs) is at {@code GET /api/v1/tickets/{ticketId}/decision}.
 *
 * @param version   the ticket version this decision is for
 * @param slaAtRisk whether the ticket is likely to breach its SLA
 * @param decidedAt ISO-8601
 */
public record TicketTriaged(
        String ticketId,
        String tenantId,
        String source,
        String externalId,
        long version,
        String decisionId,
        Map<String, String> labels,
        Map<String, Double> confidences,
        Map<String, String> tiers,
        Map<String, String> modelVersions,
        boolean coldStart,
        boolean slaAtRisk,
        String decidedAt,
        String correlationId) {
}
