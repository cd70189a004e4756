package omega.triage.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import omega.platform.api.TenantContext;

/** {@code GET /api/v1/tickets/events}: server-sent events for the caller's tenant (event {@code ticket}). */
@Path("v1/tickets/events")
@RequestScoped
@Tag(name = "Tickets")
public class TicketEventsResource {

    @Inject
    TenantContext tenant;

    @Inject
    TicketStream stream;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live ticket changes (server-sent events)",
            description = "A 'ready' event on connect, then one 'ticket' event {id,status,accepted,at} per accepted "
                    + "ticket or status change of this tenant, after it was committed.")
    public void events(@Context SseEventSink sink, @Context Sse sse) {
        stream.register(tenant.tenantId(), sink, sse);
    }
}
