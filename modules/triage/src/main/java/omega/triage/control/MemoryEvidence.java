package omega.triage.control;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import omega.context.api.ContextApi;
import omega.context.api.SimilarTicket;

/**
 * A decision's similar resolved tickets from context memory (through its api), bounded in time: when memory is
 * slow (e.g. still loading a large tenant), fails or has nothing, the decision simply has none. Never fails or
 * holds up triage for longer than {@code triage.context.timeout-ms}.
 */
@ApplicationScoped
public class MemoryEvidence {

    private static final Logger LOG = Logger.getLogger(MemoryEvidence.class.getName());

    @Inject
    ContextApi context;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "triage.context.similar", defaultValue = "3")
    int limit;

    @Inject
    @ConfigProperty(name = "triage.context.timeout-ms", defaultValue = "2000")
    long timeoutMillis;

    /**
     * @param text the ticket's text as the titans saw it ({@link TicketText}: PII tokenized): the same string, so the
     *             process's embedding model reuses the vector the local titan just computed instead of embedding the
     *             ticket a second time (the embedding is most of a decision's CPU)
     */
    public List<SimilarTicket> similarTo(TicketSnapshot ticket, String text) {
        if (limit < 1 || text == null || text.isBlank()) {
            return List.of();
        }
        Future<List<SimilarTicket>> answer;
        try {
            answer = executor.submit(() -> context.similarTo(ticket.tenantId(), ticket.ticketId(), text, limit)
                    .stream().map(SimilarTicket::of).toList());
        } catch (RuntimeException e) {
            LOG.fine(() -> "Context memory not asked for ticket " + ticket.ticketId() + ": " + e);
            return List.of();
        }
        try {
            return answer.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(false);
            LOG.fine(() -> "Context memory gave no similar tickets for " + ticket.ticketId() + " within "
                    + timeoutMillis + " ms");
        } catch (ExecutionException e) {
            LOG.fine(() -> "Context memory failed for ticket " + ticket.ticketId() + ": " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.of();
    }
}
