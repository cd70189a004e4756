package omega.triage.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import omega.platform.api.JsonBody;
import omega.platform.api.ProblemException;
import omega.platform.api.TenantContext;
import omega.triage.api.ConfirmationPage;
import omega.triage.api.ConfirmationVerdicts;
import omega.triage.api.ConfirmationsReviewed;
import omega.triage.control.Confirmations;
import omega.triage.control.Training;

/** {@code /api/v1/confirmations}: AUTO/CONFIRM-tier labels waiting for a person, approved or rejected in bulk. */
@Path("v1/confirmations")
@RequestScoped
@Tag(name = "Confirmations")
@SecurityRequirement(name = "bearer")
public class ConfirmationsResource {

    static final int MAX_PAGE_SIZE = 100;

    @Inject
    TenantContext tenant;

    @Inject
    Confirmations confirmations;

    @Inject
    Training training;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Triaged tickets whose AUTO/CONFIRM-tier labels wait for a person, oldest first",
            description = "A ticket waits until someone gives feedback on it or reviews it here. Only the waiting "
                    + "labels are listed, with value, confidence and tier. page counts from 0; size 1-100.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConfirmationPage.class)))
    @APIResponse(responseCode = "400", description = "invalid paging (problem+json)")
    public ConfirmationPage waiting(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ProblemException(400, "invalid-paging", "Invalid paging",
                    "page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE);
        }
        return confirmations.waiting(tenant.tenantId(), page, size);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve or reject waiting labels in bulk",
            description = "{\"approve\":[ticketIds],\"reject\":[ticketIds]} (at most 200 ids). Approving stores the "
                    + "waiting labels as confirming feedback (a training example; counts as right); rejecting records "
                    + "them as wrong for the accuracy figures and the titans' weights. All or nothing: an unknown id "
                    + "or another organisation's stores nothing. Tickets that no longer wait are skipped, so a "
                    + "repeated request changes nothing.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ConfirmationVerdicts.class)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConfirmationsReviewed.class)))
    @APIResponse(responseCode = "400", description = "no ids, over 200, or an id in both lists (problem+json)")
    @APIResponse(responseCode = "404", description = "ids that are not this tenant's tickets, in errors (problem+json)")
    public ConfirmationsReviewed review(String body) {
        ConfirmationVerdicts verdicts = JsonBody.parse(body, ConfirmationVerdicts.class);
        ConfirmationsReviewed reviewed = confirmations.review(tenant.tenantId(), tenant.userId(), verdicts);
        boolean retraining = !reviewed.approved().isEmpty() && training.maybeRetrain(tenant.tenantId());
        return new ConfirmationsReviewed(reviewed.approved(), reviewed.rejected(), reviewed.skipped(), retraining);
    }
}
