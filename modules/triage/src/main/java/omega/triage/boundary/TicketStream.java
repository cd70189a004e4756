package omega.triage.boundary;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;

import omega.triage.api.TicketChanged;

/**
 * Live ticket changes for open dashboards: one {@link SseBroadcaster} per tenant, fed by {@link TicketChanged}
 * after the change committed. In-process: a change made by another replica (e.g. a separate triage worker)
 * is not pushed by this one.
 */
@ApplicationScoped
public class TicketStream {

    private final ConcurrentMap<String, SseBroadcaster> byTenant = new ConcurrentHashMap<>();
    private volatile Sse sse;

    void register(String tenantId, SseEventSink sink, Sse sse) {
        this.sse = sse;
        byTenant.computeIfAbsent(tenantId, t -> sse.newBroadcaster()).register(sink);
        // the first event flushes the headers, so the browser knows the stream is open
        sink.send(sse.newEventBuilder().name("ready").data("{}").reconnectDelay(2000).build());
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketChanged change) {
        Sse current = sse;
        SseBroadcaster broadcaster = byTenant.get(change.tenantId());
        if (current == null || broadcaster == null) {
            return;
        }
        OutboundSseEvent event = current.newEventBuilder().name("ticket").mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(Json.createObjectBuilder().add("id", change.ticketId()).add("status", change.status().name())
                        .add("accepted", change.accepted()).add("at", change.at().toString()).build().toString())
                .build();
        broadcaster.broadcast(event);
    }
}
