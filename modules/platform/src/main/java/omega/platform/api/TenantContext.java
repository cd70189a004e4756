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

    /**
     * For setup endpoints (connections, history import, training, evaluation): 403 when a signed-in employee without
     * the admin role calls. A machine credential (API key, JWT) acts for the whole tenant and passes.
     */
    default void requireAdminWhenSignedIn() {
        tenantId();
        if ("session".equals(method()) && role() != Role.ADMIN) {
            throw new ProblemException(403, "forbidden", "Forbidden", "This is part of setup and needs the admin role; "
                    + "you are signed in as " + (role() == null ? "no role" : role().key()));
        }
    }
}
