package omega.context.boundary;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import omega.context.api.ContextApi;
import omega.context.api.ErasureReceipt;
import omega.context.api.SearchQuery;
import omega.context.api.SearchRequest;
import omega.context.api.SearchResults;
import omega.context.api.SimilarTicket;
import omega.context.api.TicketMemory;
import omega.context.api.WorkingEntry;
import omega.context.api.WorkingKey;
import omega.context.api.WorkingScope;
import omega.platform.api.JsonBody;
import omega.platform.api.ProblemException;
import omega.platform.api.TenantContext;

/** {@code /api/v1/context}: free-text search of memory, GDPR erasure of a requester, working memory. */
@Path("v1/context")
@RequestScoped
@Tag(name = "Context")
@SecurityRequirement(name = "bearer")
public class ContextResource {

    @Inject
    TenantContext tenant;

    @Inject
    ContextApi context;

    @POST
    @Path("search")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Search the organisation's resolved tickets by free text",
            description = "{\"text\": \"...\", \"limit\": 1-50 (default 5), \"filter\": {\"client\", \"category\", "
                    + "\"status\"}} (every filter field optional). Hybrid retrieval; each item says why it matched.")
    @RequestBody(content = @Content(schema = @Schema(implementation = SearchRequest.class)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SearchResults.class)))
    @APIResponse(responseCode = "400", description = "no text, limit outside 1-50, malformed JSON (problem+json)")
    public SearchResults search(String body) {
        SearchRequest request = JsonBody.parse(body, SearchRequest.class);
        int limit = request.limit() == null ? 5 : request.limit();
        if (limit < 1 || limit > TicketMemory.MAX_SIMILAR) {
            throw ProblemException.invalid("Invalid limit", Map.of("limit", "must be between 1 and "
                    + TicketMemory.MAX_SIMILAR));
        }
        if (request.text() != null && request.text().length() > 10_000) {
            throw ProblemException.invalid("Search text too long", Map.of("text", "at most 10000 characters"));
        }
        SearchQuery query = new SearchQuery(tenant.tenantId(), request.text(), request.filter(), limit);
        return new SearchResults(context.search(query).stream().map(SimilarTicket::of).toList());
    }

    @DELETE
    @Path("subjects/{requester}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Erase a requester's tickets from memory (GDPR)",
            description = "Removes the text, vectors and index entries of every remembered, waiting and live ticket "
                    + "of this requester (usually an e-mail address; case-insensitive) and records an audit entry "
                    + "with no personal data: id, time, reference, count. reference: the request's case number "
                    + "(letters, digits, . _ : # / -; generated when absent). Admin role or a machine credential.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ErasureReceipt.class)))
    @APIResponse(responseCode = "400", description = "invalid reference (problem+json)")
    @APIResponse(responseCode = "403", description = "signed in without the admin role (problem+json)")
    public ErasureReceipt erase(@PathParam("requester") String requester, @QueryParam("reference") String reference) {
        tenant.requireAdminWhenSignedIn();
        String ref = reference == null || reference.isBlank()
                ? "erasure-" + UUID.randomUUID().toString().substring(0, 8) : reference.strip();
        return context.eraseRequester(tenant.tenantId(), requester, ref);
    }

    @GET
    @Path("working/{scope}/{key}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read a working-memory value",
            description = "scope is ticket:<ticketId> or session:<sessionId>; key names the slot (e.g. draft).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkingEntry.class)))
    @APIResponse(responseCode = "404", description = "no value (never set, expired or evicted) (problem+json)")
    public WorkingEntry read(@PathParam("scope") String scope, @PathParam("key") String key) {
        return context.get(key(scope, key)).map(value -> new WorkingEntry(scope, key, value))
                .orElseThrow(() -> ProblemException.notFound("No working memory value " + key + " in " + scope));
    }

    @PUT
    @Path("working/{scope}/{key}")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(summary = "Store a working-memory value (the body, as is) with a time to live",
            description = "ttlSeconds: 1 up to the configured maximum (default 7 days); without it the default (8 h).")
    @APIResponse(responseCode = "204", description = "stored")
    @APIResponse(responseCode = "400", description = "invalid scope, key or ttl (problem+json)")
    @APIResponse(responseCode = "413", description = "value over context.working.max-value-chars (problem+json)")
    public Response write(@PathParam("scope") String scope, @PathParam("key") String key,
            @QueryParam("ttlSeconds") Long ttlSeconds, String body) {
        WorkingKey working = key(scope, key);
        String value = body == null ? "" : body;
        if (ttlSeconds == null) {
            context.put(working, value);
        } else {
            context.put(working, value, Duration.ofSeconds(Math.max(0, ttlSeconds)));
        }
        return Response.noContent().build();
    }

    @DELETE
    @Path("working/{scope}/{key}")
    @Operation(summary = "Delete a working-memory value")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "404", description = "there was no value (problem+json)")
    public Response remove(@PathParam("scope") String scope, @PathParam("key") String key) {
        if (!context.delete(key(scope, key))) {
            throw ProblemException.notFound("No working memory value " + key + " in " + scope);
        }
        return Response.noContent().build();
    }

    private WorkingKey key(String scope, String key) {
        int colon = scope.indexOf(':');
        WorkingScope kind = colon <= 0 ? null : switch (scope.substring(0, colon).toLowerCase(Locale.ROOT)) {
            case "ticket" -> WorkingScope.TICKET;
            case "session" -> WorkingScope.SESSION;
            default -> null;
        };
        if (kind == null) {
            throw ProblemException.invalid("Invalid working memory scope",
                    Map.of("scope", "must be ticket:<ticketId> or session:<sessionId>"));
        }
        return new WorkingKey(tenant.tenantId(), kind, scope.substring(colon + 1), key);
    }
}
