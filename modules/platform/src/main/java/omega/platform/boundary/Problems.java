package omega.platform.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

import omega.platform.api.ProblemException;

/** Builds {@code application/problem+json} responses. */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://omega.dev/problems/";

    private Problems() {
    }

    static Response response(ProblemException p, String instance) {
        return response(p.status(), p.type(), p.title(), p.detail(), instance, p);
    }

    static Response response(int status, String type, String title, String detail, String instance) {
        return response(status, type, title, detail, instance, null);
    }

    private static Response response(int status, String type, String title, String detail, String instance,
            ProblemException p) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("type", TYPE_BASE + type)
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            json.add("detail", detail);
        }
        if (instance != null) {
            json.add("instance", instance);
        }
        if (p != null && !p.errors().isEmpty()) {
            JsonObjectBuilder errors = Json.createObjectBuilder();
            p.errors().forEach(errors::add);
            json.add("errors", errors);
        }
        Response.ResponseBuilder builder = Response.status(status).type(MEDIA_TYPE).entity(json.build().toString());
        if (status == 401) {
            builder.header("WWW-Authenticate", "Bearer realm=\"omega\"");
        }
        return builder.build();
    }
}
