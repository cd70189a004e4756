package omega.connectors.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import omega.connectors.entity.RawPayloadRecord;
import omega.platform.api.Channels;
import omega.platform.api.Envelope;
import omega.platform.api.JsonBody;
import omega.platform.api.ProblemException;

/** Queues stored raw payloads on {@code ticket-raw}, waiting until the broker committed each one. */
@ApplicationScoped
public class RawQueue {

    @Inject
    @Channel("ticket-raw-out")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    Emitter<String> emitter;

    @Inject
    RawPayloads payloads;

    /** Sends and marks the payload queued; a 503 problem when the broker did not take it in time. */
    public void queue(RawPayloadRecord raw, boolean replay) {
        awaitAll(List.of(send(raw, replay)));
        payloads.markQueued(raw.id());
    }

    /**
     * Sends the payloads together (the channel's sender puts messages that wait together into one broker
     * transaction) and waits until the broker committed every one; a 503 problem when it did not in time.
     * Marking them queued is the caller's part.
     */
    public void queueAll(List<RawPayloadRecord> raws) {
        List<Envelope> sent = new ArrayList<>(raws.size());
        raws.forEach(raw -> sent.add(send(raw, false)));
        awaitAll(sent);
    }

    private Envelope send(RawPayloadRecord raw, boolean replay) {
        RawMessage message = RawPayloads.message(raw, replay);
        Envelope envelope = new Envelope(JsonBody.write(message), Map.of(
                Channels.PROP_TENANT, raw.tenantId(),
                Channels.PROP_SOURCE, raw.platform(),
                Channels.PROP_RAW_ID, raw.id()));
        emitter.send(envelope);
        return envelope;
    }

    private static void awaitAll(List<Envelope> sent) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try {
            for (Envelope envelope : sent) {
                envelope.settled().toCompletableFuture().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        } catch (Exception e) {
            throw unavailable(e);
        }
    }

    private static ProblemException unavailable(Exception e) {
        return new ProblemException(503, "queue-unavailable", "Messaging unavailable",
                "The payload is stored but could not be queued (" + e + "); send it again");
    }
}
