package omega.platform.boundary;

import java.io.IOException;
import java.net.URI;
import java.util.logging.Logger;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import omega.platform.api.ProblemException;
import omega.platform.control.EmployeeSessions;
import omega.platform.control.OidcClaims;
import omega.platform.control.OidcSignIn;

/**
 * Production sign-in with OpenID Connect (Microsoft Entra ID or any provider with discovery): the browser goes to
 * {@code login}, the provider sends it back to {@code callback}, which opens the same server-side session as a
 * password sign-in. Public (no credential): {@link ApiAuthenticationFilter} lets {@code v1/auth/oidc*} through.
 */
@Path("v1/auth/oidc")
@RequestScoped
@Tag(name = "Dashboard sign-in")
public class OidcResource {

    static final String FLOW_COOKIE = "omega_oidc";
    private static final Logger LOG = Logger.getLogger(OidcResource.class.getName());

    @Inject
    OidcSignIn oidc;

    @Inject
    EmployeeSessions sessions;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Whether OpenID Connect sign-in is configured, and the provider's name for the button")
    public Response info() {
        var json = Json.createObjectBuilder().add("enabled", oidc.settings().enabled());
        if (oidc.settings().enabled()) {
            json.add("provider", oidc.settings().providerName());
        }
        return Response.ok(json.build().toString(), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("login")
    @Operation(summary = "Starts an OpenID Connect sign-in: 302 to the provider (authorization code + PKCE S256)")
    @APIResponse(responseCode = "302", description = "to the provider's authorization endpoint")
    @APIResponse(responseCode = "404", description = "OpenID Connect is not configured (problem+json)")
    @APIResponse(responseCode = "503", description = "the provider's discovery document cannot be read (problem+json)")
    public Response login() {
        enabled();
        try {
            OidcSignIn.Start start = oidc.start(redirectUri());
            return Response.status(302).location(URI.create(start.location()))
                    .header(HttpHeaders.SET_COOKIE, flowCookie(start.cookie(), 600)).header("Cache-Control", "no-store").build();
        } catch (IOException e) {
            LOG.warning("OpenID Connect discovery failed: " + e);
            throw new ProblemException(503, "identity-provider-unavailable", "Identity provider unavailable",
                    "The sign-in provider cannot be reached; try again or sign in with a password");
        }
    }

    @GET
    @Path("callback")
    @Operation(summary = "The provider's redirect back: verifies the ID token and opens the dashboard session",
            description = "302 to /#/queue with the session cookie; on any failure 302 to /#/signin?error=<reason>.")
    @APIResponse(responseCode = "302", description = "to the dashboard (signed in) or its sign-in page (with the reason)")
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
            @QueryParam("error") String error, @QueryParam("error_description") String description,
            @CookieParam(FLOW_COOKIE) String flow) {
        enabled();
        String clear = flowCookie("", 0);
        if (error != null) {
            return failed(clear, "the provider refused: " + error + (description == null ? "" : " — " + description));
        }
        try {
            var employee = oidc.finish(code, state, flow, redirectUri());
            EmployeeSessions.Opened opened = sessions.open(employee);
            return Response.status(302).location(dashboard("#/queue"))
                    .header(HttpHeaders.SET_COOKIE, clear)
                    .header(HttpHeaders.SET_COOKIE, AuthResource.sessionCookie(opened.token(), sessions.ttl().toSeconds(),
                            AuthResource.secure(uri, headers)))
                    .header("Cache-Control", "no-store").build();
        } catch (OidcClaims.Refused e) {
            return failed(clear, e.getMessage());
        } catch (IOException e) {
            LOG.warning("OpenID Connect token exchange failed: " + e);
            return failed(clear, "the sign-in provider cannot be reached");
        }
    }

    private Response failed(String clearCookie, String reason) {
        LOG.info("OpenID Connect sign-in refused: " + reason);
        return Response.status(302).location(dashboard("#/signin?error="
                + java.net.URLEncoder.encode(reason, java.nio.charset.StandardCharsets.UTF_8)))
                .header(HttpHeaders.SET_COOKIE, clearCookie).header("Cache-Control", "no-store").build();
    }

    private void enabled() {
        if (!oidc.settings().enabled()) {
            throw ProblemException.notFound("OpenID Connect sign-in is not configured (omega.oidc.issuer, omega.oidc.client-id)");
        }
    }

    /** an absolute URI of the dashboard (served at the root): JAX-RS would resolve a relative one against /api/ */
    private URI dashboard(String fragment) {
        URI base = uri.getBaseUri();
        return URI.create((AuthResource.secure(uri, headers) ? "https" : base.getScheme()) + "://" + base.getRawAuthority()
                + "/" + fragment);
    }

    /** the configured redirect URI, else this server's own callback as the request reached it */
    private String redirectUri() {
        String configured = oidc.settings().redirectUri();
        if (!configured.isBlank()) {
            return configured;
        }
        String scheme = AuthResource.secure(uri, headers) ? "https" : uri.getBaseUri().getScheme();
        URI base = uri.getBaseUri();
        return scheme + "://" + base.getRawAuthority() + base.getRawPath().replaceAll("/+$", "") + "/v1/auth/oidc/callback";
    }

    /** SameSite=Lax: the provider's redirect back is a cross-site top-level GET that must carry it */
    private String flowCookie(String value, long maxAge) {
        return FLOW_COOKIE + "=" + value + "; Path=/api/v1/auth/oidc; Max-Age=" + maxAge + "; HttpOnly; SameSite=Lax"
                + (AuthResource.secure(uri, headers) ? "; Secure" : "");
    }
}
