package omega.platform.api;

/** Who the current request was authenticated as. Request scoped. */
public interface TenantContext {

    /** @return the authenticated tenant id; never null inside an authenticated request */
    String tenantId();

    /** @return how the caller authenticated: {@code api-key}, {@code jwt} or {@code session} (a signed-in employee) */
    String method();

    /** @return the signed-in employee's id, or null for a machine credential (API key, JWT) */
    String userId();

    /** @return the signed-in employee's role, or null for a machine credential (API key, JWT) */
    Role role();
}
