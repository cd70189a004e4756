package omega.context.control;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import omega.context.api.ResolvedTicket;
import omega.platform.api.HistoricalTicket;
import omega.platform.api.IdempotencyGuard;
import omega.platform.api.MessageKey;
import omega.platform.api.ProblemException;
import omega.platform.api.TicketNormalized;
import omega.platform.api.TicketTriaged;

/**
 * What context's consumers do with a message, each in one transaction with its processed-message record: history
 * rows and resolved live tickets go to the {@link MemoryInbox} (remembered in batches), live tickets are followed
 * in {@link LiveTickets}. A redelivered message changes nothing.
 */
@ApplicationScoped
public class MemoryIntake {

    @Inject
    IdempotencyGuard guard;

    @Inject
    LiveTickets liveTickets;

    @Inject
    MemoryInbox inbox;

    /** A labelled past ticket from a history import: remembered under {@code <source>:<externalId>}. */
    @Transactional
    public void history(HistoricalTicket h) {
        require(h.tenantId(), h.externalId());
        String source = h.source() == null || h.source().isBlank() ? "history" : h.source();
        if (!guard.firstDelivery(new MessageKey("context-history", h.tenantId(),
                h.jobId() == null ? source : h.jobId(), h.externalId(), h.line()))) {
            return;
        }
        String text = Stream.of(h.title(), h.body()).filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining("\n"));
        if (text.isBlank()) {
            return; // nothing to remember it by
        }
        Map<String, String> labels = h.labels() == null ? Map.of() : new LinkedHashMap<>(h.labels());
        inbox.add(List.of(new ResolvedTicket(h.tenantId(), source + ":" + h.externalId(), text, labels,
                blankToNull(h.resolution()), labels.get("client"), labels.get("category"), "RESOLVED", null,
                instant(h.createdAt()))));
    }

    /** A ticket version: followed; once it carries a resolution (and OMEGA's id), remembered. */
    @Transactional
    public void normalized(TicketNormalized t) {
        require(t.tenantId(), t.externalId() != null ? t.externalId() : t.ticketId());
        if (!guard.firstDelivery(new MessageKey("context-normalized", t.tenantId(), LiveTickets.sourceOf(t.source()),
                t.externalId() != null ? t.externalId() : t.ticketId(), t.version()))) {
            return;
        }
        LiveTicket now = liveTickets.record(t);
        if (now.version() == t.version() && now.resolved() && t.resolution() != null && !t.resolution().isBlank()) {
            inbox.add(List.of(now.asResolved()));
        }
    }

    /** A decision: notes OMEGA's id and the labels; a ticket already resolved at the source is remembered now. */
    @Transactional
    public void triaged(TicketTriaged t) {
        require(t.tenantId(), t.externalId());
        if (!guard.firstDelivery(new MessageKey("context-triaged", t.tenantId(), LiveTickets.sourceOf(t.source()),
                t.externalId(), t.version()))) {
            return;
        }
        Optional<LiveTicket> now = liveTickets.triaged(t);
        now.filter(LiveTicket::resolved).ifPresent(ticket -> inbox.add(List.of(ticket.asResolved())));
    }

    private static void require(String tenantId, String id) {
        if (tenantId == null || tenantId.isBlank() || id == null || id.isBlank()) {
            throw ProblemException.invalid("A message without tenant or ticket id", Map.of("message",
                    "tenantId and externalId are required"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Instant instant(String iso) {
        if (iso != null) {
            try {
                return Instant.parse(iso);
            } catch (DateTimeParseException e) {
                // an unparseable time counts as now
            }
        }
        return Instant.now();
    }
}
