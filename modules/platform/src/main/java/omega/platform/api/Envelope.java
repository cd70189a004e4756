package omega.platform.api;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A Reactive Messaging message with string properties (tenant id, ticket id, correlation id...).
 * The {@code omega-jms} connector maps the properties to JMS message properties and back.
 * {@link #settled()} completes when the message is acked and fails when it is nacked.
 */
public final class Envelope implements Message<String> {

    private final String payload;
    private final Map<String, String> properties;
    private final CompletableFuture<Void> settled = new CompletableFuture<>();

    public Envelope(String payload, Map<String, String> properties) {
        this.payload = payload;
        this.properties = Map.copyOf(properties);
    }

    @Override
    public String getPayload() {
        return payload;
    }

    public Map<String, String> properties() {
        return properties;
    }

    public String property(String name) {
        return properties.get(name);
    }

    public CompletionStage<Void> settled() {
        return settled;
    }

    @Override
    public Supplier<CompletionStage<Void>> getAck() {
        return () -> {
            settled.complete(null);
            return CompletableFuture.completedFuture(null);
        };
    }

    @Override
    public Function<Throwable, CompletionStage<Void>> getNack() {
        return reason -> {
            settled.completeExceptionally(reason == null ? new IllegalStateException("nacked") : reason);
            return CompletableFuture.completedFuture(null);
        };
    }

    @Override
    public CompletionStage<Void> ack() {
        return getAck().get();
    }

    @Override
    public CompletionStage<Void> nack(Throwable reason) {
        return getNack().apply(reason);
    }
}
