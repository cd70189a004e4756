package omega.connectors.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import omega.platform.api.Channels;
import omega.platform.api.Envelope;
import omega.platform.api.JsonBody;
import omega.platform.api.TicketNormalized;

/** Publishes canonical tickets on {@code ticket-normalized}; the answer completes once the broker committed all. */
@ApplicationScoped
public class TicketPublisher {

    @Inject
    @Channel("ticket-normalized-connectors")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    Emitter<String> emitter;

    public CompletableFuture<Void> publish(List<TicketNormalized> tickets) {
        List<CompletableFuture<Void>> sent = new ArrayList<>(tickets.size());
        for (TicketNormalized t : tickets) {
            Map<String, String> properties = new HashMap<>();
            put(properties, Channels.PROP_TENANT, t.tenantId());
            put(properties, Channels.PROP_CORRELATION, t.correlationId());
            put(properties, Channels.PROP_SOURCE, t.source());
            put(properties, Channels.PROP_EXTERNAL_ID, t.externalId());
            put(properties, Channels.PROP_VERSION, Long.toString(t.version()));
            put(properties, Channels.PROP_RAW_ID, t.rawId());
            Envelope envelope = new Envelope(JsonBody.write(t), properties);
            emitter.send(envelope);
            sent.add(envelope.settled().toCompletableFuture());
        }
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
    }

    private static void put(Map<String, String> properties, String name, String value) {
        if (value != null) {
            properties.put(name, value);
        }
    }
}
