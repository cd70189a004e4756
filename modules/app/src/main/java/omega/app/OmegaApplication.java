package omega.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The composition root's JAX-RS application: every module's resources live under {@code /api}. */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "OMEGA", version = "0.1.0",
        description = "Support-ticket triage for Managed Service Providers. Every /api endpoint needs "
                + "Authorization: Bearer <tenant API key or JWT>. Errors are application/problem+json."))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A tenant API key, or a JWT signed with the configured key that names the tenant")
public class OmegaApplication extends Application {
}
