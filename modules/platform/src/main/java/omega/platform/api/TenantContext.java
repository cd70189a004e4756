package omega.platform.api;

/** The tenant the current request was authenticated for. Request scoped. */
public interface TenantContext {

    /** @return the authenticated tenant id; never null inside an authenticated request */
    String tenantId();

    /** @return how the caller authenticated: {@code api-key} or {@code jwt} */
    String method();
}
