package omega.context.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import omega.platform.api.JsonBody;
import omega.platform.api.TicketNormalized;
import omega.platform.api.TicketTriaged;

/**
 * {@code context_ticket}: the latest version of each live ticket as context saw it, keyed by (tenant, source,
 * external id), with OMEGA's ticket id once known. Source labels win over triage's decided labels; labels given
 * with feedback win over both. Writes join the caller's (the consumer's) transaction.
 */
@ApplicationScoped
public class LiveTickets {

    private static final String COLUMNS = "tenant_id, source, external_id, ticket_id, version, text, requester, client,"
            + " category, status, labels, resolution, updated_at";

    @Resource(lookup = "jdbc/omega")
    DataSource dataSource;

    /** Records a ticket version unless a newer one is known. @return the ticket as it now stands */
    @Transactional(Transactional.TxType.MANDATORY)
    public LiveTicket record(TicketNormalized t) {
        String source = sourceOf(t.source());
        String externalId = t.externalId() != null ? t.externalId() : t.ticketId();
        Optional<LiveTicket> known = find("tenant_id = ? AND source = ? AND external_id = ?", t.tenantId(), source,
                externalId);
        if (known.isPresent() && known.get().version() > t.version()) {
            return known.get();
        }
        Map<String, String> labels = new LinkedHashMap<>(known.map(LiveTicket::labels).orElse(Map.of()));
        if (t.labels() != null) {
            labels.putAll(t.labels());
        }
        if (t.category() != null && !t.category().isBlank()) {
            labels.putIfAbsent("category", t.category());
        }
        String text = Stream.of(t.title(), t.body()).filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining("\n"));
        String ticketId = t.ticketId() != null ? t.ticketId() : known.map(LiveTicket::ticketId).orElse(null);
        String resolution = t.resolution() != null && !t.resolution().isBlank() ? t.resolution()
                : known.map(LiveTicket::resolution).orElse(null);
        LiveTicket now = new LiveTicket(t.tenantId(), source, externalId, ticketId, t.version(),
                text.isBlank() ? "(no text)" : text, t.requester(), t.client(), t.category(), t.status(), labels,
                resolution, instant(t.updatedAt()));
        save(now, known.isPresent());
        return now;
    }

    /** Notes OMEGA's ticket id and triage's labels (where the source gave none). @return the ticket, if known */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<LiveTicket> triaged(TicketTriaged t) {
        Optional<LiveTicket> known = find("tenant_id = ? AND source = ? AND external_id = ?", t.tenantId(),
                sourceOf(t.source()), t.externalId());
        if (known.isEmpty()) {
            return Optional.empty();
        }
        LiveTicket k = known.get();
        Map<String, String> labels = new LinkedHashMap<>(t.labels() == null ? Map.of() : t.labels());
        labels.putAll(k.labels());
        LiveTicket now = new LiveTicket(k.tenantId(), k.source(), k.externalId(), t.ticketId(), k.version(), k.text(),
                k.requester(), k.client(), k.category(), k.status(), labels, k.resolution(), k.updatedAt());
        save(now, true);
        return Optional.of(now);
    }

    /** A resolution given with feedback. @return the ticket with it, or empty when context never saw the ticket */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<LiveTicket> resolved(String tenantId, String ticketId, String resolution,
            Map<String, String> labels) {
        Optional<LiveTicket> known = byId(tenantId, ticketId);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        LiveTicket k = known.get();
        Map<String, String> merged = new LinkedHashMap<>(k.labels());
        if (labels != null) {
            merged.putAll(labels);
        }
        LiveTicket now = new LiveTicket(k.tenantId(), k.source(), k.externalId(), k.ticketId(), k.version(), k.text(),
                k.requester(), k.client(), merged.getOrDefault("category", k.category()), k.status(), merged,
                resolution, Instant.now());
        save(now, true);
        return Optional.of(now);
    }

    public Optional<LiveTicket> byId(String tenantId, String ticketId) {
        return find("tenant_id = ? AND ticket_id = ?", tenantId, ticketId);
    }

    /** Deletes the requester's live tickets (GDPR erasure). @return how many */
    @Transactional(Transactional.TxType.REQUIRED)
    public int eraseRequester(String tenantId, String requester) {
        return update("DELETE FROM context_ticket WHERE tenant_id = ? AND requester_key = ?", tenantId,
                MemoryStore.normalizedRequester(requester));
    }

    private void save(LiveTicket t, boolean exists) {
        String labels = JsonBody.write(t.labels());
        String key = t.requester() == null ? null : MemoryStore.normalizedRequester(t.requester());
        if (exists) {
            update("UPDATE context_ticket SET ticket_id = ?, version = ?, text = ?, requester = ?, requester_key = ?,"
                    + " client = ?, category = ?, status = ?, labels = ?, resolution = ?, updated_at = ?"
                    + " WHERE tenant_id = ? AND source = ? AND external_id = ?", t.ticketId(), t.version(), t.text(),
                    t.requester(), key, t.client(), t.category(), t.status(), labels, t.resolution(),
                    Timestamp.from(t.updatedAt()), t.tenantId(), t.source(), t.externalId());
        } else {
            update("INSERT INTO context_ticket (" + COLUMNS + ", requester_key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    t.tenantId(), t.source(), t.externalId(), t.ticketId(), t.version(), t.text(), t.requester(),
                    t.client(), t.category(), t.status(), labels, t.resolution(), Timestamp.from(t.updatedAt()), key);
        }
    }

    private Optional<LiveTicket> find(String where, Object... parameters) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM context_ticket WHERE " + where)) {
            bind(select, parameters);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new LiveTicket(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getLong(5), row.getString(6), row.getString(7), row.getString(8),
                        row.getString(9), row.getString(10), labels(row.getString(11)), row.getString(12),
                        row.getTimestamp(13).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Context ticket read failed: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Context ticket write failed: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object p = parameters[i];
            if (p == null) {
                statement.setNull(i + 1, java.sql.Types.VARCHAR);
            } else {
                statement.setObject(i + 1, p);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> labels(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        Map<String, Object> parsed = JsonBody.parse(json, Map.class);
        Map<String, String> labels = new LinkedHashMap<>();
        parsed.forEach((k, v) -> labels.put(k, String.valueOf(v)));
        return labels;
    }

    static String sourceOf(String source) {
        return source == null || source.isBlank() ? "api" : source;
    }

    private static Instant instant(String iso) {
        if (iso != null) {
            try {
                return Instant.parse(iso);
            } catch (DateTimeParseException e) {
                // fall through: an unparseable time counts as now
            }
        }
        return Instant.now();
    }
}
