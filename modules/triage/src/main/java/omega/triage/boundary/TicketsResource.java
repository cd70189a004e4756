package omega.triage.boundary;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import omega.context.api.TicketMemory;
import omega.platform.api.JsonBody;
import omega.platform.api.ProblemException;
import omega.platform.api.TenantContext;
import omega.triage.api.Acceptance;
import omega.triage.api.Feedback;
import omega.triage.api.FeedbackReceipt;
import omega.triage.api.StoredDecision;
import omega.titans.api.Tier;
import omega.triage.api.TicketFacets;
import omega.triage.api.TicketPage;
import omega.triage.api.TicketQuery;
import omega.triage.api.TicketSort;
import omega.triage.api.TicketStatus;
import omega.triage.api.TicketSubmission;
import omega.triage.api.TicketView;
import omega.triage.control.TicketIntake;
import omega.triage.control.Decisions;
import omega.triage.control.Tickets;
import omega.triage.control.Training;

@Path("v1/tickets")
@RequestScoped
@Tag(name = "Tickets")
@SecurityRequirement(name = "bearer")
public class TicketsResource {

    static final int MAX_PAGE_SIZE = 200;

    @Inject
    TenantContext tenant;

    @Inject
    TicketMemory ticketMemory;

    @Inject
    TicketIntake intake;

    @Inject
    Tickets tickets;

    @Inject
    Decisions decisions;

    @Inject
    Training training;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a canonical ticket",
            description = "Durable before the answer. 202 for a new ticket; 200 with the same id when "
                    + "(source, externalId) is already known.")
    @RequestBody(content = @Content(schema = @Schema(implementation = TicketSubmission.class)))
    @APIResponse(responseCode = "202", description = "accepted",
            content = @Content(schema = @Schema(implementation = Acceptance.class)))
    @APIResponse(responseCode = "200", description = "already known; nothing new was created")
    @APIResponse(responseCode = "400", description = "malformed JSON or invalid fields (problem+json)")
    @APIResponse(responseCode = "401", description = "no valid credential (problem+json)")
    @APIResponse(responseCode = "413", description = "body over the limit (problem+json)")
    public Response submit(String body) {
        TicketSubmission submission = JsonBody.parse(body, TicketSubmission.class);
        Acceptance acceptance = intake.accept(tenant.tenantId(), submission);
        return Response.status(acceptance.duplicate() ? 200 : 202)
                .location(URI.create("v1/tickets/" + acceptance.id()))
                .entity(acceptance).type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A ticket with its status history and its latest decision (null before triage)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "404", description = "unknown, or another tenant's (problem+json)")
    public TicketView ticket(@PathParam("id") String id) {
        return tickets.ticket(tenant.tenantId(), id)
                .orElseThrow(() -> ProblemException.notFound("No ticket " + id));
    }

    @POST
    @Path("{id}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm or correct a ticket's labels",
            description = "{\"labels\": {\"category\": \"network\"}, \"resolution\": \"...\"}: stored, counted in each "
                    + "titan's accuracy (the ensemble's weights) and kept as a labelled example for retraining. An "
                    + "optional resolution (how the ticket was fixed) makes it a remembered ticket within seconds.")
    @RequestBody(content = @Content(schema = @Schema(implementation = Feedback.class)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = FeedbackReceipt.class)))
    @APIResponse(responseCode = "400", description = "no labels, or a label/value that is too long (problem+json)")
    @APIResponse(responseCode = "404", description = "unknown, or another tenant's (problem+json)")
    public FeedbackReceipt feedback(@PathParam("id") String id, String body) {
        Feedback feedback = JsonBody.parse(body, Feedback.class);
        Map<String, String> errors = new LinkedHashMap<>();
        if (feedback.labels() == null || feedback.labels().isEmpty()) {
            errors.put("labels", "is required: an object of label name to value");
        } else {
            feedback.labels().forEach((label, value) -> {
                if (label.isBlank() || label.length() > 64 || value == null || value.isBlank() || value.length() > 255) {
                    errors.put("labels." + label, "label names are 1-64 characters, values 1-255");
                }
            });
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The feedback has " + errors.size() + " invalid field(s)", errors);
        }
        if (feedback.resolution() != null && feedback.resolution().length() > 20_000) {
            throw ProblemException.invalid("The feedback has 1 invalid field(s)",
                    Map.of("resolution", "at most 20000 characters"));
        }
        FeedbackReceipt receipt = decisions.feedback(tenant.tenantId(), id, feedback.labels());
        if (feedback.resolution() != null && !feedback.resolution().isBlank()) {
            ticketMemory.resolved(tenant.tenantId(), id, feedback.resolution(), feedback.labels());
        }
        boolean retraining = training.maybeRetrain(tenant.tenantId());
        return new FeedbackReceipt(receipt.ticketId(), receipt.confirmed(), retraining);
    }

    @GET
    @Path("{id}/decision")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A ticket's stored decision with its exact (PII-tokenized) inputs, for replay and audit")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StoredDecision.class)))
    @APIResponse(responseCode = "404", description = "unknown ticket, another tenant's, or not decided yet (problem+json)")
    public StoredDecision decision(@PathParam("id") String id) {
        return decisions.stored(tenant.tenantId(), id)
                .orElseThrow(() -> ProblemException.notFound("No decision for ticket " + id));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The tenant's tickets, filtered and sorted for the queue",
            description = "page counts from 0; size 1-200. Every filter is optional: status, tier (the least automatic "
                    + "tier of the decision's labels), client (exact), category (the decided or technician-given "
                    + "category, else the source's), ids (comma-separated, at most 200: just these tickets, as a "
                    + "dashboard refreshes the rows a live update named). sort=newest (default) or sla-risk (at risk "
                    + "first, then the earliest due). Rows carry no text body.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TicketPage.class)))
    @APIResponse(responseCode = "400", description = "invalid paging, status, tier or sort (problem+json)")
    public TicketPage list(@QueryParam("status") String status, @QueryParam("tier") String tier,
            @QueryParam("client") String client, @QueryParam("category") String category,
            @QueryParam("sort") String sort, @QueryParam("ids") String ids, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ProblemException(400, "invalid-paging", "Invalid paging",
                    "page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE);
        }
        TicketQuery query = new TicketQuery(parseStatus(status), parse(Tier.class, "tier", tier), blankToNull(client),
                blankToNull(category), sort == null || sort.isBlank() ? TicketSort.NEWEST
                        : parse(TicketSort.class, "sort", sort.replace('-', '_')), ids(ids));
        return tickets.tickets(tenant.tenantId(), query, page, size);
    }

    @GET
    @Path("facets")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The clients and categories the tenant's tickets can be filtered by, most frequent first")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TicketFacets.class)))
    public TicketFacets facets() {
        return tickets.facets(tenant.tenantId());
    }

    private static java.util.List<String> ids(String ids) {
        if (ids == null || ids.isBlank()) {
            return null;
        }
        java.util.List<String> list = java.util.Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .distinct().toList();
        if (list.size() > MAX_PAGE_SIZE || list.stream().anyMatch(s -> s.length() > 36)) {
            throw ProblemException.invalid("Invalid ids", Map.of("ids", "at most " + MAX_PAGE_SIZE
                    + " comma-separated ticket ids"));
        }
        return list;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("Unknown " + name + " '" + value + "'", Map.of(name, "must be one of "
                    + java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(java.util.Locale.ROOT)
                            .replace('_', '-')).toList()));
        }
    }

    private static TicketStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return TicketStatus.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "invalid-status", "Unknown status",
                    "status must be one of " + java.util.Arrays.toString(TicketStatus.values()));
        }
    }
}
