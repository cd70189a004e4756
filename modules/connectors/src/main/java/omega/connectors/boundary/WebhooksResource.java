package omega.connectors.boundary;

import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import omega.connectors.api.PsaPlatform;
import omega.connectors.api.WebhookReceipt;
import omega.connectors.control.AutotaskSignature;
import omega.connectors.control.SalesforceAck;
import omega.connectors.control.WebhookIntake;
import omega.connectors.control.ZendeskSignature;
import omega.platform.api.ProblemException;
import omega.platform.api.TenantContext;

@Path("v1/integrations/{platform}/webhook")
@RequestScoped
@Tag(name = "Integrations")
@SecurityRequirement(name = "bearer")
public class WebhooksResource {

    @Inject
    TenantContext tenant;

    @Inject
    WebhookIntake intake;

    @POST
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_XML})
    @Operation(summary = "Receive a PSA webhook",
            description = "platform: zendesk, servicenow, salesforce, kaseya-bms, connectwise or autotask. "
                    + "Authenticate with Bearer <API key>, or where the platform cannot send one with the "
                    + "connection's webhook token (X-Omega-Webhook-Token header or ?token=). Zendesk and Autotask "
                    + "deliveries must carry a valid signature (X-Zendesk-Webhook-Signature; X-Hook-Signature). "
                    + "The raw payload is stored and queued for normalization "
                    + "before the answer; the same payload again changes nothing. Salesforce outbound messages "
                    + "(SOAP) are answered with the notificationsResponse Ack, failures with a SOAP fault.")
    @Parameter(name = "token", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING),
            description = "webhook token, for platforms that cannot send headers")
    @APIResponse(responseCode = "202", description = "stored and queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookReceipt.class)))
    @APIResponse(responseCode = "200", description = "Salesforce outbound message: the Ack (text/xml)")
    @APIResponse(responseCode = "400", description = "malformed payload, missing or invalid field (problem+json; "
            + "a well-formed payload is recorded as a failure)")
    @APIResponse(responseCode = "401", description = "no valid credential or token, or a wrong or missing Zendesk or Autotask signature")
    @APIResponse(responseCode = "403", description = "Salesforce organization mismatch, or webhook not configured")
    @APIResponse(responseCode = "404", description = "unknown platform")
    @APIResponse(responseCode = "413", description = "body over the limit")
    @APIResponse(responseCode = "422", description = "an event the connector does not take (e.g. a deletion)")
    @APIResponse(responseCode = "500", description = "Salesforce: a SOAP fault")
    public Response receive(@PathParam("platform") String platformSlug,
            @HeaderParam("Content-Type") String contentType,
            @HeaderParam(ZendeskSignature.TIMESTAMP_HEADER) String signatureTimestamp,
            @HeaderParam(ZendeskSignature.SIGNATURE_HEADER) String signature,
            @HeaderParam(AutotaskSignature.HEADER) String hookSignature,
            String body) {
        PsaPlatform platform;
        try {
            platform = PsaPlatform.fromSlug(platformSlug);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(e.getMessage());
        }
        boolean soap = platform == PsaPlatform.SALESFORCE && isXml(contentType, body);
        try {
            WebhookReceipt receipt = intake.receive(tenant.tenantId(), platform, contentType, body, signatureTimestamp,
                    platform == PsaPlatform.AUTOTASK ? hookSignature : signature);
            if (soap) {
                return Response.ok(SalesforceAck.ACK, SalesforceAck.CONTENT_TYPE).build();
            }
            return Response.status(202).entity(receipt).type(MediaType.APPLICATION_JSON).build();
        } catch (ProblemException e) {
            if (soap) {
                return Response.serverError().entity(SalesforceAck.fault(e.status() < 500, e.type() + ": " + e.getMessage()))
                        .type(SalesforceAck.CONTENT_TYPE).build();
            }
            throw e;
        }
    }

    private static boolean isXml(String contentType, String body) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("xml")) {
            return true;
        }
        return body != null && body.stripLeading().startsWith("<");
    }
}
