package omega.connectors.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import omega.connectors.api.NormalizationFailed;
import omega.connectors.api.PsaPlatform;
import omega.connectors.entity.Connection;
import omega.platform.api.PlatformReady;
import omega.platform.api.Profile;
import omega.platform.api.TicketNormalized;

/**
 * Pulls tickets from connections configured with a poll interval (ServiceNow, Autotask, Kaseya BMS,
 * ConnectWise): every {@code connectors.polling.tick} it polls the connections that are due, page by page
 * from the connection's updated-since cursor (re-reading one second of overlap: duplicates are no-ops). Each
 * page is stored and queued on {@code ticket-raw} like a webhook payload; the cursor advances to the newest
 * update time seen once every page was queued. Runs in the API-serving profiles.
 */
@ApplicationScoped
public class Poller {

    private static final Logger LOG = Logger.getLogger(Poller.class.getName());
    static final int PAGE_SIZE = 100;
    static final int MAX_PAGES = 100;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Connections connections;

    @Inject
    PsaApi api;

    @Inject
    ConnectionSecrets secrets;

    @Inject
    RawPayloads payloads;

    @Inject
    RawQueue queue;

    @Inject
    Normalizers normalizers;

    @Inject
    Profile profile;

    @Inject
    @ConfigProperty(name = "connectors.polling.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "connectors.polling.tick", defaultValue = "PT5S")
    Duration tick;

    @Inject
    @ConfigProperty(name = "connectors.polling.page-size", defaultValue = "100")
    int pageSize;

    private final Map<String, Boolean> running = new ConcurrentHashMap<>();
    private ScheduledFuture<?> task;

    void start(@Observes PlatformReady ready) {
        if (!enabled || !profile.servesApi()) {
            return;
        }
        task = scheduler.scheduleWithFixedDelay(this::pollDue, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    void pollDue() {
        try {
            Instant now = Instant.now();
            List<Connection> due = connections.polled().stream().filter(c -> c.lastPollAt() == null
                    || !c.lastPollAt().plusSeconds(c.pollSeconds()).isAfter(now)).toList();
            for (Connection c : due) {
                if (running.putIfAbsent(c.id(), Boolean.TRUE) == null) {
                    try {
                        poll(c);
                    } finally {
                        running.remove(c.id());
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Polling round failed: " + e, e);
        }
    }

    /** Polls one connection now; @return the number of tickets read */
    public int poll(Connection c) {
        Instant since = (c.pollCursor() == null ? Instant.now() : c.pollCursor()).minusSeconds(1);
        Instant newest = c.pollCursor();
        int tickets = 0;
        try {
            PollRequest request = PollRequest.first(c, secrets.secret(c), secrets.integrationCode(c), since, pageSize);
            for (int i = 0; i < MAX_PAGES; i++) {
                PollPage page = api.page(request);
                if (page.records() > 0) {
                    tickets += page.records();
                    newest = later(newest, newestUpdate(c, page));
                    RawPayloads.Stored stored = payloads.store(c.tenantId(), c.platform(), "application/json", page.body());
                    if (!stored.record().queued()) {
                        queue.queue(stored.record(), false);
                    }
                }
                if (!page.more()) {
                    break;
                }
                request = request.next(page.nextUrl(), page.token());
            }
            connections.polled(c.id(), newest, null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Polling " + c.platform() + " for tenant " + c.tenantId() + " failed: " + e);
            connections.polled(c.id(), null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return tickets;
    }

    private Instant newestUpdate(Connection c, PollPage page) {
        try {
            RawPayload raw = new RawPayload(PsaPlatform.fromSlug(c.platform()), c.tenantId(), null, "application/json",
                    page.body(), null, null);
            Instant newest = null;
            for (TicketNormalized t : normalizers.of(raw.platform()).normalize(raw)) {
                if (t.version() > 0) {
                    newest = later(newest, Instant.ofEpochMilli(t.version()));
                }
            }
            return newest;
        } catch (NormalizationFailed e) {
            return null; // the normalizer stage records the failure; this page does not advance the cursor
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
