package omega.app.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Local fakes of the four polled PSA APIs (ServiceNow Table API, ConnectWise /service/tickets, Autotask
 * Tickets/query with nextPageUrl, Kaseya BMS authenticate + servicedesk/tickets), three tickets each over two
 * pages of two, and the first request to each answered 429.
 */
final class FakePsaApis implements AutoCloseable {

    final HttpServer server;
    final Map<String, AtomicInteger> tooManyRequests = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();

    FakePsaApis() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/servicenow/api/now/table/incident", x -> serve(x, "servicenow", () -> {
            require(x, "Authorization", "Basic " + b64("sn-user:sn-pass"));
            int offset = Integer.parseInt(param(x, "sysparm_offset"));
            return offset == 0
                    ? "{\"result\":[" + sn("sn-1", "SN polled one", "10:00:00") + "," + sn("sn-2", "SN polled two", "10:05:00") + "]}"
                    : "{\"result\":[" + sn("sn-3", "SN polled three", "10:10:00") + "]}";
        }));
        server.createContext("/connectwise/service/tickets", x -> serve(x, "connectwise", () -> {
            require(x, "Authorization", "Basic " + b64("mspco+pub:priv"));
            require(x, "clientId", "cw-client");
            return "1".equals(param(x, "page"))
                    ? "[" + cw(701, "CW polled one", "10:00:00") + "," + cw(702, "CW polled two", "10:05:00") + "]"
                    : "[" + cw(703, "CW polled three", "10:10:00") + "]";
        }));
        server.createContext("/autotask/Tickets/query", x -> serve(x, "autotask", () -> {
            require(x, "ApiIntegrationCode", "AT-CODE");
            require(x, "Secret", "at-secret");
            String base = "http://127.0.0.1:" + port() + "/autotask";
            return "POST".equals(x.getRequestMethod())
                    ? "{\"items\":[" + at(801, "AT polled one", "10:00:00") + "," + at(802, "AT polled two", "10:05:00")
                            + "],\"pageDetails\":{\"count\":2,\"nextPageUrl\":\"" + base + "/Tickets/query/next?paging=2\"}}"
                    : "{\"items\":[" + at(803, "AT polled three", "10:10:00") + "],\"pageDetails\":{\"count\":1,\"nextPageUrl\":null}}";
        }));
        server.createContext("/kaseya/v2/security/authenticate", x -> serve(x, "kaseya-auth", () -> {
            String form = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!form.contains("UserName=bms-user") || !form.contains("Password=bms-pass") || !form.contains("Tenant=HarborMSP")) {
                throw new IllegalStateException("bad credentials: " + form);
            }
            return "{\"result\":{\"accessToken\":\"bms-token\"}}";
        }));
        server.createContext("/kaseya/v2/servicedesk/tickets", x -> serve(x, "kaseya-bms", () -> {
            require(x, "Authorization", "Bearer bms-token");
            return "1".equals(param(x, "PageNumber"))
                    ? "{\"result\":[" + bms(901, "BMS polled one", "10:00:00") + "," + bms(902, "BMS polled two", "10:05:00") + "],\"totalRecords\":3}"
                    : "{\"result\":[" + bms(903, "BMS polled three", "10:10:00") + "],\"totalRecords\":3}";
        }));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String base(String platform) {
        return "http://127.0.0.1:" + port() + "/" + platform;
    }

    interface Body {
        String get() throws IOException;
    }

    private void serve(HttpExchange x, String platform, Body body) throws IOException {
        requests.add(platform + " " + x.getRequestMethod() + " " + x.getRequestURI());
        try (x) {
            AtomicInteger limited = tooManyRequests.computeIfAbsent(platform, p -> new AtomicInteger());
            if (!platform.equals("kaseya-auth") && limited.get() == 0) {
                limited.incrementAndGet();
                x.getResponseHeaders().add("Retry-After", "1");
                x.sendResponseHeaders(429, -1);
                return;
            }
            byte[] bytes;
            try {
                bytes = body.get().getBytes(StandardCharsets.UTF_8);
            } catch (IllegalStateException e) {
                x.sendResponseHeaders(401, -1);
                return;
            }
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, bytes.length);
            x.getResponseBody().write(bytes);
        }
    }

    private static void require(HttpExchange x, String header, String value) {
        if (!value.equals(x.getRequestHeaders().getFirst(header))) {
            throw new IllegalStateException(header + " is " + x.getRequestHeaders().getFirst(header));
        }
    }

    private static String param(HttpExchange x, String name) {
        String query = x.getRequestURI().getQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return "";
    }

    private static String b64(String s) {
        return java.util.Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String sn(String id, String title, String time) {
        return "{\"sys_id\":\"" + id + "\",\"number\":\"INC-" + id + "\",\"short_description\":\"" + title
                + "\",\"description\":\"polled\",\"priority\":\"3\",\"state\":\"2\",\"sys_created_on\":\"2026-03-01 09:00:00\","
                + "\"sys_updated_on\":\"2026-03-01 " + time + "\"}";
    }

    private static String cw(int id, String title, String time) {
        return "{\"id\":" + id + ",\"summary\":\"" + title + "\",\"initialDescription\":\"polled\",\"board\":{\"id\":1,\"name\":\"Help Desk\"},"
                + "\"_info\":{\"dateEntered\":\"2026-03-01T09:00:00Z\",\"lastUpdated\":\"2026-03-01T" + time + "Z\"}}";
    }

    private static String at(int id, String title, String time) {
        return "{\"id\":" + id + ",\"ticketNumber\":\"T" + id + "\",\"title\":\"" + title + "\",\"description\":\"polled\","
                + "\"priority\":2,\"status\":1,\"createDate\":\"2026-03-01T09:00:00Z\",\"lastActivityDate\":\"2026-03-01T" + time + "Z\"}";
    }

    private static String bms(int id, String title, String time) {
        return "{\"Id\":" + id + ",\"TicketNumber\":\"B" + id + "\",\"Title\":\"" + title + "\",\"Details\":\"polled\","
                + "\"CreatedOn\":\"2026-03-01T09:00:00\",\"ModifiedOn\":\"2026-03-01T" + time + "\"}";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
