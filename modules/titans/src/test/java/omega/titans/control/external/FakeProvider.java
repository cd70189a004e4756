package omega.titans.control.external;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A provider endpoint on a free loopback port that answers scripted replies in order (the last one repeats) and
 * records every request it receives.
 */
final class FakeProvider implements AutoCloseable {

    /** One scripted answer. */
    record Reply(int status, Map<String, String> headers, String body, long delayMillis) {

        static Reply json(int status, String body) {
            return new Reply(status, Map.of(), body, 0);
        }

        Reply withHeader(String name, String value) {
            Map<String, String> more = new java.util.LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, more, body, delayMillis);
        }

        Reply delayedBy(long millis) {
            return new Reply(status, headers, body, millis);
        }
    }

    /** One request as it arrived. */
    record Received(String method, String path, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Reply last = Reply.json(500, "{\"error\":{\"message\":\"no reply scripted\"}}");
    private volatile Function<Received, Reply> responder;

    FakeProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** @return the base URL, ending without a slash, plus the given path prefix (e.g. {@code /v1}) */
    String url(String prefix) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
    }

    FakeProvider reply(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** Answers every request by looking at it (instead of the script). */
    FakeProvider respond(Function<Received, Reply> responder) {
        this.responder = responder;
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Received request;
        try (InputStream in = exchange.getRequestBody()) {
            request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        received.add(request);
        Reply reply = responder != null ? responder.apply(request) : script.poll();
        if (reply == null) {
            reply = last;
        } else {
            last = reply;
        }
        if (reply.delayMillis() > 0) {
            try {
                Thread.sleep(reply.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        try {
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException clientGone) {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
