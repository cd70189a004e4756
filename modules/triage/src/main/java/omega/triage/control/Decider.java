package omega.triage.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import omega.platform.api.PiiRedactor;
import omega.titans.api.ExternalTitan;
import omega.titans.api.FailureKind;
import omega.titans.api.OutsideLabelSetException;
import omega.titans.api.Tier;
import omega.titans.api.Titan;
import omega.titans.api.TitanAnswer;
import omega.titans.api.TitanException;
import omega.titans.api.TitanRequest;
import omega.triage.api.Decision;
import omega.triage.api.DecisionInputs;
import omega.triage.api.Evidence;
import omega.triage.api.LabelDecision;
import omega.triage.api.SlaRisk;
import omega.triage.api.TitanVote;

/**
 * Decides a ticket version: for every label the tenant has a model of, the local titan (and every enabled external
 * titan, combined by {@link Pantheon}) answer on the PII-tokenized text. External titans are asked in parallel on the
 * managed executor, all labels at once, and waited for until {@code triage.titans.deadline-ms}: one that is late or
 * fails votes undecided with the reason, and the local titan decides without it; configured thresholds adjust the tiers;
 * {@link Stability} keeps labels steady across minor updates; the SLA risk is assessed. Without any model the
 * decision is a cold start: every default label MANUAL, saying why. Never waits for a training.
 */
@ApplicationScoped
public class Decider {

    private static final Logger LOG = Logger.getLogger(Decider.class.getName());

    @Inject
    Titan local;

    @Inject
    @Any
    Instance<ExternalTitan> externals;

    @Inject
    Models models;

    @Inject
    Decisions decisions;

    @Inject
    PiiRedactor redactor;

    @Inject
    Config config;

    @Inject
    MemoryEvidence memory;

    @Inject
    @ConfigProperty(name = "triage.labels.default", defaultValue = "category,priority,queue,assignee")
    List<String> defaultLabels;

    @Resource
    ManagedExecutorService executor;

    /** how long a decision waits for the external titans (asked in parallel); a late one votes "timeout" */
    @Inject
    @ConfigProperty(name = "triage.titans.deadline-ms", defaultValue = "8000")
    long deadlineMs;

    @Inject
    @ConfigProperty(name = "triage.stability.margin", defaultValue = "0.15")
    double margin;

    @Inject
    @ConfigProperty(name = "triage.sla.default-handling-minutes", defaultValue = "120")
    long defaultHandlingMinutes;

    /** A decision with the inputs it was made from. */
    public record Draft(Decision decision, DecisionInputs inputs) {
    }

    public Draft decide(TicketSnapshot ticket, Decision previous) {
        String text = TicketText.of(redactor, ticket.title(), ticket.body(), ticket.requester());
        Map<String, Set<String>> labelSets = models.labelSets(ticket.tenantId());
        Map<String, Double> weights = decisions.titanWeights(ticket.tenantId());
        List<ExternalTitan> enabled = externals.stream().filter(ExternalTitan::enabled).toList();
        TierOverrides overrides = new TierOverrides(key -> config.getOptionalValue(key, Double.class));
        Map<String, LabelDecision> labels = new LinkedHashMap<>();
        List<Evidence> evidence = new ArrayList<>();
        List<TitanVote> votes = new ArrayList<>();
        Map<String, String> versions = new TreeMap<>();
        List<String> requester = ticket.requester() == null || ticket.requester().isBlank() ? List.of()
                : List.of(ticket.requester());
        Map<String, List<Asked>> asked = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> entry : labelSets.entrySet()) {
            TitanRequest request = new TitanRequest(ticket.tenantId(), entry.getKey(), text, entry.getValue());
            asked.put(entry.getKey(), enabled.stream().map(external -> ask(external, request, requester)).toList());
        }
        long deadline = System.nanoTime() + Duration.ofMillis(deadlineMs).toNanos();
        for (Map.Entry<String, Set<String>> entry : labelSets.entrySet()) {
            String label = entry.getKey();
            TitanRequest request = new TitanRequest(ticket.tenantId(), label, text, entry.getValue());
            List<TitanAnswer> answers = new ArrayList<>();
            TitanAnswer localAnswer = local.classify(request);
            answers.add(localAnswer);
            if (localAnswer.modelVersion() != null) {
                versions.put(label, localAnswer.modelVersion());
            }
            evidence.addAll(EvidenceParser.parse(label, localAnswer.explanation()));
            for (Asked external : asked.get(label)) {
                TitanAnswer answer = external.answer(deadline, deadlineMs);
                answers.add(answer);
                if (answer.decided()) {
                    versions.put(label + "@" + answer.titanId(), answer.modelVersion());
                }
            }
            Pantheon.Outcome outcome = Pantheon.combine(label, answers, weights);
            LabelDecision d = outcome.decision();
            d = new LabelDecision(d.value(), d.confidence(),
                    overrides.apply(ticket.tenantId(), label, d.value(), d.confidence(), d.tier()), d.alternatives(),
                    d.titans(), d.reason());
            LabelDecision before = previous == null ? null : previous.labels().get(label);
            labels.put(label, Stability.steady(before, d, margin));
            votes.addAll(outcome.votes());
        }
        boolean cold = labels.values().stream().allMatch(d -> d.value() == null);
        if (labelSets.isEmpty()) {
            for (String label : defaultLabels) {
                labels.put(label.strip(), new LabelDecision(null, 0, Tier.MANUAL, List.of(), List.of(),
                        "cold start: no model for " + label.strip() + " of tenant " + ticket.tenantId()
                                + " yet (train one with POST /api/v1/models/train)"));
            }
        }
        SlaRisk sla = sla(ticket, labels);
        Decision decision = new Decision(UUID.randomUUID().toString(), ticket.version(), Instant.now(), cold, labels,
                evidence, votes, versions, sla, Map.of()).withSimilarTickets(memory.similarTo(ticket, text));
        return new Draft(decision, new DecisionInputs(text, labelSets, ticket.priority(), ticket.slaDueAt(),
                ticket.createdAt() == null ? null : ticket.createdAt().toString()));
    }

    /** Asks an external titan on the managed executor, off the caller's thread; never throws. */
    private Asked ask(ExternalTitan titan, TitanRequest request, List<String> requester) {
        CompletableFuture<TitanAnswer> answer;
        try {
            answer = CompletableFuture.supplyAsync(() -> titan.classify(request, requester), executor);
        } catch (RejectedExecutionException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return new Asked(titan.id(), local.id(), answer);
    }

    /** An external titan's pending answer for one label. */
    record Asked(String titanId, String localId, CompletableFuture<TitanAnswer> pending) {

        /**
         * @return its answer if it came by the deadline; else, or when it failed (also when the local titan stood in
         * for it), an undecided answer of this titan saying why: the local titan decides for it
         */
        TitanAnswer answer(long deadlineNanos, long deadlineMs) {
            try {
                TitanAnswer answer = pending.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (answer.failure() != null) {
                    return TitanAnswer.undecided(titanId, null, answer.failure());
                }
                if (answer.titanId().equals(localId) || !answer.titanId().equals(titanId)) {
                    return TitanAnswer.undecided(titanId, null, "fallback: " + answer.titanId() + " answered instead");
                }
                return answer;
            } catch (TimeoutException e) {
                pending.cancel(true);
                return TitanAnswer.undecided(titanId, null, "timeout: no answer within triage.titans.deadline-ms = "
                        + deadlineMs + " ms; the local titan decides");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                LOG.fine("External titan " + titanId + " gave no answer: " + cause);
                String kind = cause instanceof TitanException t ? t.kind().metricName()
                        : cause instanceof OutsideLabelSetException ? FailureKind.OUTSIDE_LABEL_SET.metricName()
                        : FailureKind.UNKNOWN.metricName();
                return TitanAnswer.undecided(titanId, null, kind + ": " + cause.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pending.cancel(true);
                return TitanAnswer.undecided(titanId, null, "interrupted while waiting for the answer");
            }
        }
    }

    private SlaRisk sla(TicketSnapshot ticket, Map<String, LabelDecision> labels) {
        String priority = ticket.priority();
        LabelDecision decided = labels.get("priority");
        if ((priority == null || priority.isBlank()) && decided != null) {
            priority = decided.value();
        }
        Map<String, Duration> targets = new TreeMap<>();
        for (int p = 1; p <= 5; p++) {
            long defaultHours = new long[] {4, 8, 24, 72, 168}[p - 1];
            targets.put("P" + p, Duration.ofHours(config.getOptionalValue("triage.sla.target-hours.P" + p, Long.class)
                    .orElse(defaultHours)));
        }
        Instant due = ticket.slaDueAt() == null ? null : SubmissionValidator.parseInstant(ticket.slaDueAt());
        return SlaAssessment.assess(priority, due, ticket.createdAt(), Instant.now(),
                decisions.recentHandling(ticket.tenantId()), Duration.ofMinutes(defaultHandlingMinutes), targets);
    }
}
