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
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import omega.platform.api.PiiRedactor;
import omega.titans.api.ExternalTitan;
import omega.titans.api.Tier;
import omega.titans.api.Titan;
import omega.titans.api.TitanAnswer;
import omega.titans.api.TitanRequest;
import omega.triage.api.Decision;
import omega.triage.api.DecisionInputs;
import omega.triage.api.Evidence;
import omega.triage.api.LabelDecision;
import omega.triage.api.SlaRisk;
import omega.triage.api.TitanVote;

/**
 * Decides a ticket version: for every label the tenant has a model of, the local titan (and every enabled external
 * titan, combined by {@link Pantheon}) answer on the PII-tokenized text; configured thresholds adjust the tiers;
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
            for (ExternalTitan external : enabled) {
                TitanAnswer answer = ask(external, request);
                if (answer != null && !answer.titanId().equals(local.id())) {
                    answers.add(answer);
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
                evidence, votes, versions, sla, Map.of()).withSimilarTickets(memory.similarTo(ticket));
        return new Draft(decision, new DecisionInputs(text, labelSets, ticket.priority(), ticket.slaDueAt(),
                ticket.createdAt() == null ? null : ticket.createdAt().toString()));
    }

    private TitanAnswer ask(ExternalTitan titan, TitanRequest request) {
        try {
            return titan.classify(request, List.of());
        } catch (RuntimeException e) {
            LOG.fine("External titan " + titan.id() + " gave no answer: " + e);
            return null;
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
