package omega.platform.boundary;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import omega.platform.api.ProblemException;
import omega.platform.api.Role;
import omega.platform.control.EmployeeSessions;
import omega.platform.api.WebhookTokens;
import omega.platform.control.JwtVerifier;
import omega.platform.control.Tenants;

/**
 * Every {@code /api/**} request (except signing in) needs either {@code Authorization: Bearer <api key | JWT>}
 * or a dashboard session cookie. API keys are checked against their salted hashes; a JWT (three dot-separated
 * parts) is verified with the configured key and names its tenant in a claim; the tenant must exist. A Bearer
 * header wins over a cookie. A state-changing request (POST, PUT, PATCH, DELETE) made with the cookie must
 * also carry the session's CSRF token in {@code X-CSRF-Token}; a cross-site page can send the cookie but
 * cannot read the token.
 * <p>
 * Only on {@code v1/integrations/{platform}/webhook}, for platforms that cannot send a bearer credential, a
 * per-tenant webhook token ({@code X-Omega-Webhook-Token} header or {@code ?token=}) is accepted instead and
 * resolved by the {@link WebhookTokens} implementation (the connectors module).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiAuthenticationFilter implements ContainerRequestFilter {

    public static final String SESSION_COOKIE = "omega_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String LOGIN_PATH = "v1/auth/login";
    /** OpenID Connect sign-in: its info, start and the provider's redirect back carry no credential yet */
    private static final Set<String> OIDC_PATHS = Set.of("v1/auth/oidc", "v1/auth/oidc/login", "v1/auth/oidc/callback");

    @Inject
    Tenants tenants;

    @Inject
    JwtVerifier jwt;

    @Inject
    EmployeeSessions sessions;

    @Inject
    RequestTenant requestTenant;

    @Inject
    Instance<WebhookTokens> webhookTokens;

    static final String WEBHOOK_TOKEN_HEADER = "X-Omega-Webhook-Token";
    private static final Pattern WEBHOOK_PATH = Pattern.compile("/?v1/integrations/([a-z0-9-]{1,32})/webhook/?");

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (LOGIN_PATH.equals(relative) || OIDC_PATHS.contains(relative)) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            var webhook = WEBHOOK_PATH.matcher(request.getUriInfo().getPath());
            if (webhook.matches()) {
                authenticateWebhook(request, webhook.group(1));
                return;
            }
            Cookie cookie = request.getCookies().get(SESSION_COOKIE);
            if (cookie != null) {
                session(request, cookie.getValue());
                return;
            }
            throw unauthenticated("Send Authorization: Bearer <api key or JWT>, or sign in to the dashboard");
        }
        String token = header.substring(7).trim();
        if (JwtVerifier.looksLikeJwt(token)) {
            Optional<String> tenant = jwt.tenantOf(token);
            if (tenant.isEmpty() || !tenants.exists(tenant.get())) {
                throw unauthenticated("The bearer token is not a valid OMEGA token");
            }
            requestTenant.authenticated(tenant.get(), "jwt");
            return;
        }
        String tenant = tenants.authenticate(token)
                .orElseThrow(() -> unauthenticated("The API key is not valid"));
        requestTenant.authenticated(tenant, "api-key");
    }

    private void authenticateWebhook(ContainerRequestContext request, String platform) {
        String token = request.getHeaderString(WEBHOOK_TOKEN_HEADER);
        if (token == null || token.isBlank()) {
            token = request.getUriInfo().getQueryParameters().getFirst("token");
        }
        if (token == null || token.isBlank()) {
            throw unauthenticated("Send Authorization: Bearer <api key or JWT>, or the connection's webhook token "
                    + "as " + WEBHOOK_TOKEN_HEADER + " or ?token=");
        }
        if (webhookTokens.isUnsatisfied()) {
            throw unauthenticated("Webhook tokens are not available in this deployment");
        }
        String presented = token.trim();
        String tenant = webhookTokens.get().tenantFor(platform, presented)
                .filter(tenants::exists)
                .orElseThrow(() -> unauthenticated("The webhook token is not valid for " + platform));
        requestTenant.authenticated(tenant, "webhook-token");
    }

    private void session(ContainerRequestContext request, String token) {
        EmployeeSessions.Active s = sessions.find(token)
                .orElseThrow(() -> unauthenticated("The session has expired or was signed out; sign in again"));
        if (!SAFE_METHODS.contains(request.getMethod())
                && !EmployeeSessions.sameToken(s.csrfToken(), request.getHeaderString(CSRF_HEADER))) {
            throw new ProblemException(403, "csrf-token-missing", "CSRF token missing or wrong",
                    "A state-changing request made with the session cookie needs the session's token in "
                            + CSRF_HEADER + " (see GET /api/v1/auth/me)");
        }
        requestTenant.signedIn(s.tenantId(), s.userId(), s.email(), Role.of(s.role()).orElseThrow(), s.csrfToken());
    }

    private static ProblemException unauthenticated(String detail) {
        return new ProblemException(401, "unauthenticated", "Authentication required", detail);
    }
}
