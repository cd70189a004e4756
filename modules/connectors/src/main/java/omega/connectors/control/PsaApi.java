package omega.connectors.control;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The polling adapter for ServiceNow, Autotask, Kaseya BMS and ConnectWise: one page per call, with the
 * platform's authentication and paging. Fault tolerance sits here: a call times out after 20 s, 429/5xx/I/O
 * failures are retried with a growing-by-jitter delay, and repeated transient failures open the circuit for
 * 30 s (authentication or request errors do not count: they are not transient).
 */
@ApplicationScoped
public class PsaApi {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final DateTimeFormatter SERVICENOW_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    @Timeout(20_000)
    @Retry(maxRetries = 4, delay = 400, jitter = 200, maxDuration = 60_000, retryOn = PollFailed.Transient.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 30_000, successThreshold = 2,
            failOn = PollFailed.Transient.class)
    public PollPage page(PollRequest r) {
        return switch (r.platform()) {
            case SERVICENOW -> serviceNow(r);
            case CONNECTWISE -> connectWise(r);
            case AUTOTASK -> autotask(r);
            case KASEYA_BMS -> kaseya(r);
            default -> throw new PollFailed(r.platform().slug() + " is not polled", false);
        };
    }

    private PollPage serviceNow(PollRequest r) {
        String query = "sys_updated_on>=" + SERVICENOW_TIME.format(r.since()) + "^ORDERBYsys_updated_on";
        String url = r.baseUrl() + "/api/now/table/incident?sysparm_display_value=false&sysparm_exclude_reference_link=true"
                + "&sysparm_query=" + enc(query) + "&sysparm_limit=" + r.pageSize() + "&sysparm_offset=" + r.page() * r.pageSize();
        String body = send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic(r.username(), r.secret()))
                .header("Accept", "application/json").GET());
        int n = array(json(body), "result").size();
        return new PollPage(body, n, n == r.pageSize(), null, null);
    }

    private PollPage connectWise(PollRequest r) {
        String url = r.baseUrl() + "/service/tickets?conditions=" + enc("lastUpdated>=[" + r.since() + "]")
                + "&orderBy=" + enc("id asc") + "&pageSize=" + r.pageSize() + "&page=" + (r.page() + 1);
        String body = send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", basic(r.company() + "+" + r.username(), r.secret()))
                .header("clientId", r.clientId()).header("Accept", "application/json").GET());
        JsonValue page = parse(body);
        int n = page instanceof JsonArray a ? a.size() : 0;
        return new PollPage(body, n, n == r.pageSize(), null, null);
    }

    private PollPage autotask(PollRequest r) {
        HttpRequest.Builder request;
        if (r.nextUrl() == null) {
            String filter = Json.createObjectBuilder().add("MaxRecords", r.pageSize())
                    .add("filter", Json.createArrayBuilder().add(Json.createObjectBuilder().add("op", "gte")
                            .add("field", "lastActivityDate").add("value", r.since().toString()))).build().toString();
            request = HttpRequest.newBuilder(URI.create(r.baseUrl() + "/Tickets/query"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(filter));
        } else {
            if (!r.nextUrl().startsWith(r.baseUrl() + "/")) {
                throw new PollFailed("autotask: nextPageUrl " + r.nextUrl() + " is not under the configured URL", false);
            }
            request = HttpRequest.newBuilder(URI.create(r.nextUrl())).GET();
        }
        String body = send(request.header("UserName", r.username()).header("Secret", r.secret())
                .header("ApiIntegrationCode", r.integrationCode()).header("Accept", "application/json"));
        JsonObject page = json(body);
        JsonObject details = page.containsKey("pageDetails") && page.get("pageDetails") instanceof JsonObject d ? d : null;
        String next = details == null || !details.containsKey("nextPageUrl") || details.isNull("nextPageUrl") ? null
                : details.getString("nextPageUrl");
        return new PollPage(body, array(page, "items").size(), next != null, next, null);
    }

    private PollPage kaseya(PollRequest r) {
        String token = r.token();
        if (token == null) {
            String form = "GrantType=password&UserName=" + enc(r.username()) + "&Password=" + enc(r.secret())
                    + "&Tenant=" + enc(r.company());
            JsonObject auth = json(send(HttpRequest.newBuilder(URI.create(r.baseUrl() + "/v2/security/authenticate"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))));
            JsonObject result = auth.get("result") instanceof JsonObject o ? o : auth.get("Result") instanceof JsonObject o2 ? o2 : auth;
            token = result.containsKey("accessToken") ? result.getString("accessToken")
                    : result.containsKey("AccessToken") ? result.getString("AccessToken") : null;
            if (token == null) {
                throw new PollFailed("kaseya-bms: the authenticate answer has no accessToken", false);
            }
        }
        String url = r.baseUrl() + "/v2/servicedesk/tickets?PageNumber=" + (r.page() + 1) + "&PageSize=" + r.pageSize()
                + "&ModifiedOnFrom=" + enc(r.since().toString());
        String body = send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET());
        JsonObject page = json(body);
        JsonArray items = page.get("result") instanceof JsonArray a ? a : array(page, "Result");
        return new PollPage(body, items.size(), items.size() == r.pageSize(), null, token);
    }

    private static String send(HttpRequest.Builder request) {
        HttpResponse<String> answer;
        try {
            answer = HTTP.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PollFailed.Transient("I/O: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PollFailed("interrupted", false);
        }
        int status = answer.statusCode();
        if (status == 429 || status >= 500) {
            throw new PollFailed.Transient("HTTP " + status + " from " + answer.uri().getHost());
        }
        if (status >= 300) {
            throw new PollFailed("HTTP " + status + " from " + answer.uri().getHost() + " (check the connection's URL and credentials)", false);
        }
        return answer.body();
    }

    private static JsonValue parse(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            throw new PollFailed("the answer is not JSON: " + e.getMessage(), false);
        }
    }

    private static JsonObject json(String body) {
        if (parse(body) instanceof JsonObject o) {
            return o;
        }
        throw new PollFailed("the answer is not a JSON object", false);
    }

    private static JsonArray array(JsonObject o, String name) {
        return o.get(name) instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
