package omega.connectors.boundary;

import java.io.InputStream;
import java.net.URI;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import omega.connectors.api.HistoryJob;
import omega.connectors.control.HistoryImports;
import omega.connectors.control.HistoryJobs;
import omega.connectors.control.HistoryMapping;
import omega.platform.api.ProblemException;
import omega.platform.api.TenantContext;

@Path("v1/history")
@RequestScoped
@Tag(name = "History import")
@SecurityRequirement(name = "bearer")
public class HistoryResource {

    static final String NDJSON = "application/x-ndjson";

    @Inject
    TenantContext tenant;

    @Inject
    HistoryImports imports;

    @Inject
    HistoryJobs jobs;

    @Context
    UriInfo uri;

    @POST
    @Consumes({NDJSON, "text/csv"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import past tickets (training data and memory)",
            description = "application/x-ndjson: one {\"externalId\",\"title\",\"body\",\"createdAt\"?,\"labels\":{…},"
                    + "\"resolution\"?} per line. text/csv: a header row and a column mapping in query parameters, "
                    + "e.g. ?externalId=Number&title=Short%20description&body=Description&createdAt=Opened"
                    + "&label.queue=Assignment%20group. The body is streamed (limit connectors.history.max-bytes, "
                    + "not the 1 MiB API limit); the job runs in the background; accepted rows are published on "
                    + "ticket-history.")
    @RequestBody(content = {@Content(mediaType = NDJSON), @Content(mediaType = "text/csv")})
    @APIResponse(responseCode = "202", description = "accepted; Location is the job",
            content = @Content(schema = @Schema(implementation = HistoryJob.class)))
    @APIResponse(responseCode = "400", description = "CSV without the column mapping (problem+json)")
    @APIResponse(responseCode = "413", description = "over connectors.history.max-bytes (problem+json)")
    @APIResponse(responseCode = "415", description = "neither NDJSON nor CSV")
    @APIResponse(responseCode = "403", description = "a signed-in employee without the admin role (problem+json)")
    public Response importHistory(@jakarta.ws.rs.HeaderParam("Content-Type") String contentType, InputStream body) {
        tenant.requireAdminWhenSignedIn();
        String format = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv")
                ? "csv" : "ndjson";
        HistoryJob job = imports.start(tenant.tenantId(), format, HistoryMapping.of(uri.getQueryParameters()), body);
        return Response.accepted(job).location(URI.create("v1/history/" + job.id())).type(MediaType.APPLICATION_JSON)
                .build();
    }

    @GET
    @Path("{jobId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A history import's progress: rows read, accepted, rejected, the first rejects with line and reason")
    @APIResponse(responseCode = "200", description = "the job", content = @Content(schema = @Schema(implementation = HistoryJob.class)))
    @APIResponse(responseCode = "404", description = "unknown, or another tenant's (problem+json)")
    @APIResponse(responseCode = "403", description = "a signed-in employee without the admin role (problem+json)")
    public HistoryJob job(@PathParam("jobId") String jobId) {
        tenant.requireAdminWhenSignedIn();
        return jobs.find(tenant.tenantId(), jobId).orElseThrow(() -> ProblemException.notFound("No history job " + jobId));
    }
}
