package omega.connectors.control;

import java.io.IOException;
import java.net.InetAddress;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

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
 * update time seen once every page was queued. Runs in the API-serving profiles; when several replicas run, a
 * per-connection lease in the database ({@link PollLeases}) lets only one of them poll a connection at a time.
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

    /** how long a replica's claim on a connection lasts without renewal (renewed after every page) */
    @Inject
    @ConfigProperty(name = "connectors.polling.lease", defaultValue = "PT2M")
    Duration lease;

    @Resource(lookup = "jdbc/omega")
    DataSource dataSource;

    private PollLeases leases;

    private final Map<String, Boolean> running = new ConcurrentHashMap<>();
    private ScheduledFuture<?> task;

    void start(@Observes PlatformReady ready) {
        if (!enabled || !profile.servesApi()) {
            return;
        }
        leases = new PollLeases(dataSource, owner(), lease);
        LOG.info("Polling as lease owner " + leases.owner() + " (lease " + lease + ")");
        task = scheduler.scheduleWithFixedDelay(this::pollDue, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
        if (leases != null) {
            try {
                leases.releaseAll();
            } catch (SQLException | RuntimeException e) {
                LOG.fine("Could not release the polling leases (they expire): " + e);
            }
        }
    }

    private static String owner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "host";
        }
        String id = host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
        return id.length() <= 128 ? id : id.substring(id.length() - 128);
    }

    void pollDue() {
        try {
            Instant now = Instant.now();
            List<Connection> due = connections.polled().stream().filter(c -> c.lastPollAt() == null
                    || !c.lastPollAt().plusSeconds(c.pollSeconds()).isAfter(now)).toList();
            for (Connection c : due) {
                if (running.putIfAbsent(c.id(), Boolean.TRUE) == null) {
                    try {
                        if (leases.take(c.id(), Instant.now(), Instant.now().minusSeconds(c.pollSeconds()))) {
                            poll(c);
                        }
                    } finally {
                        running.remove(c.id());
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Polling round failed: " + e, e);
        }
    }

    /** Polls one connection now, holding its lease; @return the number of tickets read */
    int poll(Connection c) {
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
                if (!leases.renew(c.id(), Instant.now())) {
                    LOG.info("Polling " + c.platform() + " for tenant " + c.tenantId() + ": lease taken over by another"
                            + " replica; it continues from the stored cursor");
                    return tickets;
                }
                request = request.next(page.nextUrl(), page.token());
            }
            connections.polled(c.id(), newest, null);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Polling " + c.platform() + " for tenant " + c.tenantId() + ": lease renewal failed: " + e);
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
