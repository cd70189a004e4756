package omega.triage.control;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import omega.platform.api.TicketNormalized;

/**
 * One {@code ticket-normalized} message through the triage stage in one database transaction: record the ticket
 * (QUEUED_FOR_TRIAGE, idempotent), decide it, store the decision with the move to TRIAGED. One commit per ticket
 * instead of two (the commits, not the model, bounded the stage: see docs/benchmarks.md). The ticket's row stays
 * locked until the commit; external titans are waited for at most {@code triage.titans.deadline-ms}.
 */
@ApplicationScoped
public class Triage {

    @Inject
    TriageQueue queue;

    @Inject
    Decider decider;

    @Inject
    Decisions decisions;

    /** @return whether a decision was stored (false: the version was decided already, or is outdated) */
    @Transactional
    public boolean triage(TicketNormalized event) {
        Optional<TicketSnapshot> undecided = queue.record(event);
        if (undecided.isEmpty()) {
            return false;
        }
        TicketSnapshot ticket = undecided.get();
        return decisions.store(ticket, decider.decide(ticket, decisions.latest(ticket.ticketId()).orElse(null)));
    }
}
