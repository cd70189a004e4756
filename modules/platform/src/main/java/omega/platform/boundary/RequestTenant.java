package omega.platform.boundary;

import jakarta.enterprise.context.RequestScoped;

import omega.platform.api.ProblemException;
import omega.platform.api.Role;
import omega.platform.api.TenantContext;

/** The tenant (and, for a dashboard session, the employee) of the current request, set by {@link ApiAuthenticationFilter}. */
@RequestScoped
public class RequestTenant implements TenantContext {

    private String tenantId;
    private String method;
    private String userId;
    private String email;
    private Role role;
    private String csrfToken;

    void authenticated(String tenantId, String method) {
        this.tenantId = tenantId;
        this.method = method;
    }

    void signedIn(String tenantId, String userId, String email, Role role, String csrfToken) {
        authenticated(tenantId, "session");
        this.userId = userId;
        this.email = email;
        this.role = role;
        this.csrfToken = csrfToken;
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

    @Override
    public String userId() {
        return userId;
    }

    @Override
    public Role role() {
        return role;
    }

    String email() {
        return email;
    }

    String csrfToken() {
        return csrfToken;
    }

    /** 403 unless a signed-in employee with this role makes the request. */
    void require(Role needed) {
        tenantId();
        if (role != needed) {
            throw new ProblemException(403, "forbidden", "Forbidden", role == null
                    ? "This needs a signed-in " + needed.key() + " (an API key or JWT is not a person)"
                    : "This needs the " + needed.key() + " role; you are signed in as " + role.key());
        }
    }
}
