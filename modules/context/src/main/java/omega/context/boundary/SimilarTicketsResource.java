package omega.context.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import omega.context.api.SimilarTicket;
import omega.context.api.SimilarTickets;
import omega.context.api.TicketMemory;
import omega.platform.api.TenantContext;

/** {@code /api/v1/tickets/{id}/similar}: remembered (resolved) tickets like this one, with their resolutions. */
@Path("v1/tickets/{id}/similar")
@RequestScoped
@Tag(name = "Context")
@SecurityRequirement(name = "bearer")
public class SimilarTicketsResource {

    @Inject
    TenantContext tenant;

    @Inject
    TicketMemory tickets;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Resolved tickets similar to this one, best first",
            description = "Hybrid retrieval over the organisation's memory of resolved tickets (history imports, "
                    + "resolutions, feedback): embedding similarity, BM25 keywords and recency; each item says why "
                    + "it matched. limit 1-50 (default 5). Never another organisation's tickets.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SimilarTickets.class)))
    @APIResponse(responseCode = "400", description = "limit outside 1-50 (problem+json)")
    @APIResponse(responseCode = "404", description = "no such ticket of this organisation (problem+json)")
    public SimilarTickets similar(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("5") int limit) {
        return new SimilarTickets(id, tickets.similarToTicket(tenant.tenantId(), id, limit).stream()
                .map(SimilarTicket::of).toList());
    }
}
