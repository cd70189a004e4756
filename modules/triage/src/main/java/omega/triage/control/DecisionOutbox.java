package omega.triage.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import omega.platform.api.TicketTriaged;
import omega.triage.api.Decision;
import omega.triage.entity.DecisionRecord;
import omega.triage.entity.TicketRecord;

/**
 * Publishes stored decisions on {@code ticket-triaged} after their commit and marks them once the broker committed
 * them; what is not marked is published again (after a crash too), so consumers see a decision at least once. Runs
 * where decisions are made (profiles {@code all} and {@code triage-worker}).
 */
@ApplicationScoped
public class DecisionOutbox {

    private static final Logger LOG = Logger.getLogger(DecisionOutbox.class.getName());
    static final int BATCH = 200;

    @Inject
    @Channel("ticket-triaged-out")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    Emitter<String> emitter;

    @PersistenceContext(unitName = "triage")
    EntityManager em;

    @Inject
    Decisions decisions;

    @Inject
    DecisionOutbox self;

    @Inject
    Profile profile;

    @Resource
    ManagedThreadFactory threads;

    private final Object signal = new Object();
    private volatile boolean running;
    private volatile boolean pending = true;
    private Thread worker;

    void start(@Observes PlatformReady ready) {
        if (profile != Profile.ALL && profile != Profile.TRIAGE_WORKER) {
            return;
        }
        running = true;
        worker = threads.newThread(this::loop);
        worker.setName("omega-decision-outbox");
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
                synchronized (signal) {
                    if (!pending) {
                        signal.wait(1_000);
                    }
                }
                pending = false;
                while (running && publishBatch() == BATCH) {
                    // drain the backlog
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Decision outbox: publishing failed, retrying: " + e);
                pending = true;
                sleep();
            }
        }
    }

    private int publishBatch() {
        List<TicketTriaged> batch = self.events(BATCH);
        List<CompletableFuture<Void>> sent = new ArrayList<>(batch.size());
        for (TicketTriaged t : batch) {
            Envelope envelope = new Envelope(JsonBody.write(t), Map.of(
                    Channels.PROP_TENANT, t.tenantId(),
                    Channels.PROP_TICKET, t.ticketId(),
                    Channels.PROP_CORRELATION, t.correlationId() == null ? "" : t.correlationId(),
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
                done.add(batch.get(i).decisionId());
            } catch (Exception e) {
                LOG.fine("Decision outbox: a send failed and will be retried: " + e);
                pending = true;
            }
        }
        decisions.markPublished(done);
        return batch.size();
    }

    @Transactional
    public List<TicketTriaged> events(int max) {
        List<TicketTriaged> events = new ArrayList<>();
        for (DecisionRecord r : decisions.unpublished(max)) {
            TicketRecord t = em.find(TicketRecord.class, r.ticketId());
            Decision d = JsonBody.parse(r.decision(), Decision.class);
            Map<String, String> labels = new LinkedHashMap<>();
            Map<String, Double> confidences = new LinkedHashMap<>();
            Map<String, String> tiers = new LinkedHashMap<>();
            d.labels().forEach((label, ld) -> {
                if (ld.value() != null) {
                    labels.put(label, ld.value());
                    confidences.put(label, ld.confidence());
                }
                tiers.put(label, ld.tier().name());
            });
            events.add(new TicketTriaged(r.ticketId(), r.tenantId(), t.source(), t.externalId(), r.ticketVersion(),
                    r.id(), labels, confidences, tiers, d.modelVersions(), d.coldStart(), r.slaAtRisk(),
                    d.decidedAt().toString(), t.correlationId()));
        }
        return events;
    }

    private static void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
