package omega.platform.boundary;

import java.time.Instant;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import omega.platform.api.JsonBody;
import omega.platform.api.ProblemException;
import omega.platform.control.EmployeeSessions;
import omega.platform.control.Employees;
import omega.platform.entity.Employee;

/** Dashboard sign-in: a server-side session in an HttpOnly, SameSite=Strict cookie, plus a CSRF token. */
@Path("v1/auth")
@RequestScoped
@Tag(name = "Dashboard sign-in")
public class AuthResource {

    @Inject
    Employees employees;

    @Inject
    EmployeeSessions sessions;

    @Inject
    RequestTenant current;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    public record Credentials(String tenant, String email, String password) {
    }

    /** The signed-in employee (or, for a machine credential, only tenant and method). */
    public record Me(String tenant, String method, String userId, String email, String role, String csrfToken,
            Instant expiresAt) {
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in with tenant, e-mail and password",
            description = "Sets the session cookie; the answer carries the CSRF token for X-CSRF-Token.")
    @APIResponse(responseCode = "200", description = "signed in")
    @APIResponse(responseCode = "401", description = "wrong tenant, e-mail or password (problem+json)")
    public Response login(String body) {
        Credentials c = JsonBody.parse(body, Credentials.class);
        Employee employee = employees.verify(c.tenant(), c.email(), c.password())
                .orElseThrow(() -> new ProblemException(401, "invalid-credentials", "Sign-in failed",
                        "The tenant, e-mail or password is wrong"));
        EmployeeSessions.Opened opened = sessions.open(employee);
        EmployeeSessions.Active s = opened.session();
        return Response.ok(new Me(s.tenantId(), "session", s.userId(), s.email(), s.role(), s.csrfToken(),
                s.expiresAt()), MediaType.APPLICATION_JSON)
                .header(HttpHeaders.SET_COOKIE, cookie(opened.token(), sessions.ttl().toSeconds()))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("logout")
    @Operation(summary = "Sign out: ends the server-side session and clears the cookie")
    @APIResponse(responseCode = "204", description = "signed out")
    public Response logout(@CookieParam(ApiAuthenticationFilter.SESSION_COOKIE) String token) {
        current.tenantId();
        sessions.close(token);
        return Response.noContent().header(HttpHeaders.SET_COOKIE, cookie("", 0)).build();
    }

    @GET
    @Path("me")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Who is signed in, with the session's CSRF token")
    public Response me() {
        Me me = new Me(current.tenantId(), current.method(), current.userId(), current.email(),
                current.role() == null ? null : current.role().key(), current.csrfToken(), null);
        return Response.ok(me, MediaType.APPLICATION_JSON).header("Cache-Control", "no-store").build();
    }

    private String cookie(String value, long maxAgeSeconds) {
        return sessionCookie(value, maxAgeSeconds, secure(uri, headers));
    }

    static String sessionCookie(String value, long maxAgeSeconds, boolean secure) {
        return ApiAuthenticationFilter.SESSION_COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    /** HTTPS here, or at a TLS-terminating proxy that says so. */
    static boolean secure(UriInfo uri, HttpHeaders headers) {
        return "https".equalsIgnoreCase(uri.getRequestUri().getScheme())
                || "https".equalsIgnoreCase(headers.getHeaderString("X-Forwarded-Proto"));
    }
}
