package omega.platform.boundary;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import omega.platform.api.JsonBody;
import omega.platform.api.Role;
import omega.platform.control.Employees;
import omega.platform.entity.Employee;

/** The tenant's dashboard users; only a signed-in admin may list or create them. */
@Path("v1/users")
@RequestScoped
@Tag(name = "Users")
public class UsersResource {

    @Inject
    Employees employees;

    @Inject
    RequestTenant current;

    public record NewUser(String email, String role, String password) {
    }

    public record UserView(String id, String email, String role, Instant createdAt) {
        static UserView of(Employee e) {
            return new UserView(e.id(), e.email(), e.role(), e.createdAt());
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The tenant's users (admin)")
    @APIResponse(responseCode = "403", description = "not a signed-in admin (problem+json)")
    public List<UserView> list() {
        current.require(Role.ADMIN);
        return employees.of(current.tenantId()).stream().map(UserView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a user with a role and an initial password (admin)")
    @APIResponse(responseCode = "201", description = "created")
    @APIResponse(responseCode = "400", description = "invalid e-mail, role or password (problem+json)")
    @APIResponse(responseCode = "403", description = "not a signed-in admin (problem+json)")
    @APIResponse(responseCode = "409", description = "the e-mail is taken in this tenant (problem+json)")
    public Response create(String body) {
        current.require(Role.ADMIN);
        NewUser u = JsonBody.parse(body, NewUser.class);
        Employee e = employees.create(current.tenantId(), u.email(), u.role(), u.password());
        return Response.created(URI.create("v1/users/" + e.id())).entity(UserView.of(e))
                .type(MediaType.APPLICATION_JSON).build();
    }
}
