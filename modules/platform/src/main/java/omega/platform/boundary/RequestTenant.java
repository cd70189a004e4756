package omega.platform.boundary;

import jakarta.enterprise.context.RequestScoped;

import omega.platform.api.ProblemException;
import omega.platform.api.TenantContext;

/** The tenant of the current request, set by {@link ApiAuthenticationFilter}. */
@RequestScoped
public class RequestTenant implements TenantContext {

    private String tenantId;
    private String method;

    void authenticated(String tenantId, String method) {
        this.tenantId = tenantId;
        this.method = method;
    }

    @Override
    public String tenantId() {
        if (tenantId == null) {
            throw new ProblemException(401, "unauthenticated", "Authentication required",
                    "This request carries no valid tenant credential");
        }
        return tenantId;
    }

    @Override
    public String method() {
        return method;
    }
}
