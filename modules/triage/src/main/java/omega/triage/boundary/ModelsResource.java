package omega.triage.boundary;

import java.io.InputStream;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
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
import omega.titans.api.ModelEvaluation;
import omega.triage.api.EvaluationRequest;
import omega.triage.api.ModelsOverview;
import omega.triage.api.TrainingReceipt;
import omega.triage.control.HistoryImport;
import omega.triage.control.Training;

@Path("v1/models")
@RequestScoped
@Tag(name = "Models")
@SecurityRequirement(name = "bearer")
public class ModelsResource {

    @Inject
    TenantContext tenant;

    @Inject
    HistoryImport history;

    @Inject
    Training training;

    @Inject
    @ConfigProperty(name = "triage.train.max-bytes", defaultValue = "268435456")
    long maxTrainBytes;

    @POST
    @Path("train")
    @Consumes({"application/x-ndjson", MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import labelled history (NDJSON) and train the tenant's models in the background",
            description = "One JSON object per line: {\"externalId\",\"title\",\"body\",\"labels\":{\"category\":...},"
                    + "\"resolution\"?}; streamed, stored PII-tokenized (a known externalId is replaced). One model per "
                    + "label found. Streamed up to triage.train.max-bytes (default 256 MiB). Answers once stored; "
                    + "GET /api/v1/models shows when the new versions are current.")
    @RequestBody(content = @Content(mediaType = "application/x-ndjson", schema = @Schema(type =
            org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "202", description = "stored; training started",
            content = @Content(schema = @Schema(implementation = TrainingReceipt.class)))
    @APIResponse(responseCode = "400", description = "empty body, or no line was valid (problem+json)")
    @APIResponse(responseCode = "413", description = "body over triage.train.max-bytes (default 256 MiB; problem+json)")
    @APIResponse(responseCode = "403", description = "a signed-in employee without the admin role (problem+json)")
    public Response train(InputStream body, @HeaderParam("Content-Length") String contentLength) {
        tenant.requireAdminWhenSignedIn();
        TrainingReceipt receipt = history.importNdjson(tenant.tenantId(),
                UploadLimit.of(body, contentLength, maxTrainBytes, "triage.train.max-bytes"));
        if (receipt.accepted() == 0) {
            throw new ProblemException(400, "validation-failed", "No valid history line",
                    "No line was a valid labelled ticket; first problems: " + receipt.rejected());
        }
        return Response.status(202).entity(receipt).type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The tenant's current models, labelled examples and training state")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ModelsOverview.class)))
    public ModelsOverview models() {
        return training.overview(tenant.tenantId());
    }

    @POST
    @Path("evaluate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cross-validate the tenant's models on its labelled history",
            description = "{\"label\"?, \"folds\"?}: k-fold (default 5) per label: accuracy, macro-F1, per-value "
                    + "precision/recall/F1, reliability table with ECE, coverage and precision per tier. Runs on the "
                    + "request (at most triage.evaluate.max-examples examples).")
    @RequestBody(content = @Content(schema = @Schema(implementation = EvaluationRequest.class)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ModelEvaluation[].class)))
    @APIResponse(responseCode = "400", description = "folds outside 2..10 (problem+json)")
    @APIResponse(responseCode = "404", description = "no labelled history for that label (problem+json)")
    @APIResponse(responseCode = "403", description = "a signed-in employee without the admin role (problem+json)")
    public List<ModelEvaluation> evaluate(String body) {
        tenant.requireAdminWhenSignedIn();
        EvaluationRequest request = body == null || body.isBlank() ? new EvaluationRequest(null, null)
                : JsonBody.parse(body, EvaluationRequest.class);
        int folds = request.folds() == null ? 5 : request.folds();
        if (folds < 2 || folds > 10) {
            throw new ProblemException(400, "validation-failed", "Invalid folds", "folds must be between 2 and 10");
        }
        List<ModelEvaluation> evaluations = training.evaluate(tenant.tenantId(), request.label(), folds);
        if (evaluations.isEmpty()) {
            throw ProblemException.notFound("No labelled history" + (request.label() == null ? "" : " for " + request.label()));
        }
        return evaluations;
    }
}
