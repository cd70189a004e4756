package omega.connectors.boundary;

import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import omega.connectors.api.FailurePage;
import omega.connectors.api.FailureView;
import omega.connectors.control.NormalizationFailures;
import omega.connectors.control.Replays;
import omega.platform.api.ProblemException;
import omega.platform.api.TenantContext;

@Path("v1/integrations/failures")
@RequestScoped
@Tag(name = "Integrations")
@SecurityRequirement(name = "bearer")
public class IntegrationFailuresResource {

    static final int MAX_PAGE_SIZE = 200;
    private static final Set<String> STATUSES = Set.of("OPEN", "REPLAYING", "RESOLVED");

    @Inject
    TenantContext tenant;

    @Inject
    NormalizationFailures failures;

    @Inject
    Replays replays;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Payloads that failed normalization, newest first",
            description = "status OPEN, REPLAYING or RESOLVED (default: all); page counts from 0; size 1-200")
    @APIResponse(responseCode = "200", description = "a page of failures", content = @Content(schema = @Schema(implementation = FailurePage.class)))
    @APIResponse(responseCode = "400", description = "invalid paging or status (problem+json)")
    public FailurePage list(@QueryParam("status") String status, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ProblemException(400, "invalid-paging", "Invalid paging",
                    "page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE);
        }
        String wanted = status == null || status.isBlank() ? null : status.trim().toUpperCase(Locale.ROOT);
        if (wanted != null && !STATUSES.contains(wanted)) {
            throw new ProblemException(400, "invalid-status", "Unknown status", "status must be one of " + STATUSES);
        }
        return failures.page(tenant.tenantId(), wanted, page, size);
    }

    @POST
    @Path("{id}/replay")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-queue a failed payload for normalization",
            description = "After the cause was fixed (e.g. the connection's Salesforce organization id). The failure "
                    + "becomes RESOLVED when the replay normalizes, OPEN again (attempts + 1) when it still fails.")
    @APIResponse(responseCode = "202", description = "re-queued", content = @Content(schema = @Schema(implementation = FailureView.class)))
    @APIResponse(responseCode = "404", description = "unknown, or another tenant's (problem+json)")
    @APIResponse(responseCode = "409", description = "already resolved (problem+json)")
    public Response replay(@PathParam("id") String id) {
        return Response.status(202).entity(replays.replay(tenant.tenantId(), id)).type(MediaType.APPLICATION_JSON).build();
    }
}
