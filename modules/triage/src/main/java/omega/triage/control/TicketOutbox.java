package omega.triage.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import omega.platform.api.Channels;
import omega.platform.api.Envelope;
import omega.platform.api.JsonBody;
import omega.platform.api.PlatformReady;
import omega.platform.api.Profile;
import omega.platform.api.TicketNormalized;
import omega.triage.entity.TicketRecord;

/**
 * Transactional outbox: publishes accepted tickets that are not yet published on {@code ticket-normalized},
 * in batches, and marks them published once the broker committed them. Survives a crash at any point:
 * whatever was not marked is published again at the next start (consumers are idempotent).
 */
@ApplicationScoped
public class TicketOutbox {

    private static final Logger LOG = Logger.getLogger(TicketOutbox.class.getName());
    static final int BATCH = 500;

    @Inject
    @Channel("ticket-normalized-out")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    Emitter<String> emitter;

    @PersistenceContext(unitName = "triage")
    EntityManager em;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    TicketOutbox self;

    @Inject
    Profile profile;

    private final Object signal = new Object();
    private volatile boolean running;
    private volatile boolean pending = true;
    private Thread worker;

    void start(@Observes PlatformReady ready) {
        if (!profile.servesApi()) {
            return;
        }
        running = true;
        worker = threads.newThread(this::loop);
        worker.setName("omega-ticket-outbox");
        worker.start();
    }

    public void wake() {
        pending = true;
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        wake();
        if (worker != null) {
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        while (running) {
            try {
                if (!pending) {
                    synchronized (signal) {
                        if (!pending) {
                            signal.wait(1_000);
                        }
                    }
                }
                pending = false;
                int published;
                do {
                    published = publishBatch();
                } while (running && published == BATCH);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Ticket outbox: publishing failed, retrying: " + e);
                pending = true;
                sleep(1_000);
            }
        }
    }

    private int publishBatch() {
        List<TicketNormalized> batch = self.unpublished(BATCH);
        if (batch.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Void>> sent = new ArrayList<>(batch.size());
        for (TicketNormalized t : batch) {
            Envelope envelope = new Envelope(JsonBody.write(t), Map.of(
                    Channels.PROP_TENANT, t.tenantId(),
                    Channels.PROP_TICKET, t.ticketId(),
                    Channels.PROP_CORRELATION, t.correlationId(),
                    Channels.PROP_SOURCE, t.source(),
                    Channels.PROP_EXTERNAL_ID, t.externalId(),
                    Channels.PROP_VERSION, Long.toString(t.version())));
            emitter.send(envelope);
            sent.add(envelope.settled().toCompletableFuture());
        }
        List<String> done = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            try {
                sent.get(i).get(60, TimeUnit.SECONDS);
                done.add(batch.get(i).ticketId());
            } catch (Exception e) {
                LOG.fine("Ticket outbox: a send failed and will be retried: " + e);
                pending = true;
            }
        }
        self.markPublished(done);
        return batch.size();
    }

    @Transactional
    public List<TicketNormalized> unpublished(int max) {
        return em.createQuery("select t from TicketRecord t where t.published = false order by t.receivedAt",
                TicketRecord.class).setMaxResults(max).getResultList().stream()
                .map(TicketOutbox::toEvent).toList();
    }

    @Transactional
    public void markPublished(List<String> ids) {
        for (int from = 0; from < ids.size(); from += 200) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 200));
            em.createQuery("update TicketRecord t set t.published = true where t.id in :ids")
                    .setParameter("ids", chunk).executeUpdate();
        }
    }

    static TicketNormalized toEvent(TicketRecord t) {
        return new TicketNormalized(t.id(), t.tenantId(), t.source(), t.externalId(), t.version(), null, t.title(),
                t.body(), t.requester(), t.client(), t.createdAt() == null ? null : t.createdAt().toString(),
                t.updatedAt().toString(), null, t.priority(), t.priority(), null, null, t.category(),
                t.category() == null ? Map.of() : Map.of("category", t.category()), null, t.correlationId(), null);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
