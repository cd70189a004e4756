package omega.triage.boundary;

import java.time.Instant;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import omega.platform.api.ProblemException;
import omega.platform.api.TenantContext;
import omega.triage.api.Insights;
import omega.triage.control.TenantInsights;

/** {@code GET /api/v1/insights}: the figures behind the dashboard's insights charts. */
@Path("v1/insights")
@RequestScoped
@Tag(name = "Insights")
@SecurityRequirement(name = "bearer")
public class InsightsResource {

    static final int MAX_DAYS = 366;

    @Inject
    TenantContext tenant;

    @Inject
    TenantInsights insights;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Volume, tier mix, accuracy from feedback, time to triage, SLA risk, titan votes and cost",
            description = "Over the last `days` UTC days including today (1-366, default 30). Accuracy counts "
                    + "technicians' feedback (confirmed vs corrected) and rejected confirmations per label; time to "
                    + "triage runs from receipt to the first TRIAGED entry of the status history; titan votes come "
                    + "from the stored decisions; cost from the titans' usage ledger (in-process, since the last "
                    + "start).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Insights.class)))
    @APIResponse(responseCode = "400", description = "days outside 1-366 (problem+json)")
    public Insights insights(@QueryParam("days") @DefaultValue("30") int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new ProblemException(400, "validation-failed", "Invalid days", "days must be between 1 and " + MAX_DAYS);
        }
        return insights.of(tenant.tenantId(), days, Instant.now());
    }
}
