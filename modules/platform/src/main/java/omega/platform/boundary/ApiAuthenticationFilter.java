package omega.platform.boundary;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import omega.platform.api.ProblemException;
import omega.platform.control.JwtVerifier;
import omega.platform.control.Tenants;

/**
 * Every {@code /api/**} request needs {@code Authorization: Bearer <api key | JWT>}. API keys are checked
 * against their salted hashes; a JWT (three dot-separated parts) is verified with the configured key and
 * names its tenant in a claim. The tenant must exist.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiAuthenticationFilter implements ContainerRequestFilter {

    @Inject
    Tenants tenants;

    @Inject
    JwtVerifier jwt;

    @Inject
    RequestTenant requestTenant;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthenticated("Send Authorization: Bearer <api key or JWT>");
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

    private static ProblemException unauthenticated(String detail) {
        return new ProblemException(401, "unauthenticated", "Authentication required", detail);
    }
}
