package omega.connectors.control;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import omega.platform.api.Channels;
import omega.platform.api.Envelope;
import omega.platform.api.HistoricalTicket;
import omega.platform.api.JsonBody;

/** Publishes accepted history rows on {@code ticket-history}. */
@ApplicationScoped
public class HistoryPublisher {

    @Inject
    @Channel("ticket-history-out")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    Emitter<String> emitter;

    /** @return completes once the broker committed the message */
    public CompletableFuture<Void> publish(HistoricalTicket row) {
        Envelope envelope = new Envelope(JsonBody.write(row), Map.of(
                Channels.PROP_TENANT, row.tenantId(),
                Channels.PROP_JOB, row.jobId(),
                Channels.PROP_SOURCE, "history",
                Channels.PROP_EXTERNAL_ID, row.externalId()));
        emitter.send(envelope);
        return envelope.settled().toCompletableFuture();
    }
}
