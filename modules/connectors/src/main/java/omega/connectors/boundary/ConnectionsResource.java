package omega.connectors.boundary;

import java.net.URI;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import omega.connectors.api.ConnectionCreated;
import omega.connectors.api.ConnectionList;
import omega.connectors.api.ConnectionRequest;
import omega.connectors.api.PsaPlatform;
import omega.connectors.control.Connections;
import omega.platform.api.JsonBody;
import omega.platform.api.ProblemException;
import omega.platform.api.TenantContext;

@Path("v1/tenants/{tenant}/connections")
@RequestScoped
@Tag(name = "Integrations")
@SecurityRequirement(name = "bearer")
public class ConnectionsResource {

    @Inject
    TenantContext tenant;

    @Inject
    Connections connections;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Connect a PSA platform",
            description = "One connection per platform. The answer shows the webhook token once (only its hash is "
                    + "stored); secrets are write-only. {tenant} must be the caller's tenant.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ConnectionRequest.class)))
    @APIResponse(responseCode = "201", description = "created; the webhook token is shown only now", content = @Content(schema = @Schema(implementation = ConnectionCreated.class)))
    @APIResponse(responseCode = "400", description = "malformed JSON or invalid fields (problem+json)")
    @APIResponse(responseCode = "404", description = "not the caller's tenant (problem+json)")
    @APIResponse(responseCode = "409", description = "the tenant already has a connection to this platform")
    @APIResponse(responseCode = "403", description = "a signed-in employee without the admin role (problem+json)")
    public Response create(@PathParam("tenant") String tenantId, String body) {
        tenant.requireAdminWhenSignedIn();
        String caller = own(tenantId);
        ConnectionCreated created = connections.create(caller, JsonBody.parse(body, ConnectionRequest.class));
        return Response.created(URI.create("v1/tenants/" + caller + "/connections/" + created.connection().platform()))
                .entity(created).type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The tenant's connections (no secrets)")
    @APIResponse(responseCode = "200", description = "the connections", content = @Content(schema = @Schema(implementation = ConnectionList.class)))
    @APIResponse(responseCode = "404", description = "not the caller's tenant (problem+json)")
    @APIResponse(responseCode = "403", description = "a signed-in employee without the admin role (problem+json)")
    public ConnectionList list(@PathParam("tenant") String tenantId) {
        tenant.requireAdminWhenSignedIn();
        return new ConnectionList(connections.list(own(tenantId)));
    }

    @DELETE
    @Path("{platform}")
    @Operation(summary = "Remove a connection (its webhook token stops working, polling stops)")
    @APIResponse(responseCode = "204", description = "removed")
    @APIResponse(responseCode = "404", description = "no such connection, or not the caller's tenant (problem+json)")
    @APIResponse(responseCode = "403", description = "a signed-in employee without the admin role (problem+json)")
    public Response delete(@PathParam("tenant") String tenantId, @PathParam("platform") String platform) {
        tenant.requireAdminWhenSignedIn();
        PsaPlatform p;
        try {
            p = PsaPlatform.fromSlug(platform);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(e.getMessage());
        }
        if (!connections.delete(own(tenantId), p)) {
            throw ProblemException.notFound("No " + p.slug() + " connection");
        }
        return Response.noContent().build();
    }

    private String own(String tenantId) {
        String caller = tenant.tenantId();
        if (!caller.equals(tenantId)) {
            throw ProblemException.notFound("No tenant " + tenantId);
        }
        return caller;
    }
}
