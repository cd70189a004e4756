package omega.context.api;

import java.util.List;

/**
 * What an erasure removed. The ticket ids let the caller erase the same tickets elsewhere; the audit entry
 * ({@code auditId}) records only the count and the caller's request reference, never personal data.
 */
public record ErasureReceipt(String auditId, int ticketsErased, List<String> ticketIds) {

    public ErasureReceipt {
        ticketIds = List.copyOf(ticketIds);
    }
}
