package omega.context.control;

import omega.context.api.ResolvedTicket;

/** A remembered ticket as the store keeps it: the ticket, its embedding and the model that made it. */
public record StoredTicket(ResolvedTicket ticket, float[] vector, String modelId) {
}
