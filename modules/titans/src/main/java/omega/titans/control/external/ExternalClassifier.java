package omega.titans.control.external;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

import omega.platform.api.PiiRedactor;
import omega.titans.api.Alternative;
import omega.titans.api.FailureKind;
import omega.titans.api.NonRetryableTitanException;
import omega.titans.api.OutsideLabelSetException;
import omega.titans.api.RetryableTitanException;
import omega.titans.api.Tier;
import omega.titans.api.TitanAnswer;
import omega.titans.api.TitanDisabledException;
import omega.titans.api.TitanException;
import omega.titans.api.TitanRequest;

/**
 * One classification by an external model, the same for every provider: refuse when disabled, over the tenant's
 * cost cap or cooling down; tokenize personal data; ask for a JSON answer constrained to the label set; classify a
 * failure; account tokens and cost; read the answer strictly; reject a value outside the label set; restore
 * personal data in what is returned. Fault tolerance (retry, breaker, fallback) is the adapters' business.
 *
 * <p>An external answer is never {@link Tier#AUTO}: a model's self-reported confidence is not calibrated, so its
 * answers are proposed for confirmation ({@link Tier#CONFIRM}).
 */
@ApplicationScoped
public class ExternalClassifier {

    private final PiiRedactor redactor;
    private final UsageLedger ledger;
    private final Cooldowns cooldowns;
    private final TitanMetrics metrics;
    private final Clock clock;

    @Inject
    public ExternalClassifier(PiiRedactor redactor, UsageLedger ledger, Cooldowns cooldowns, TitanMetrics metrics) {
        this(redactor, ledger, cooldowns, metrics, Clock.systemUTC());
    }

    ExternalClassifier(PiiRedactor redactor, UsageLedger ledger, Cooldowns cooldowns, TitanMetrics metrics,
                       Clock clock) {
        this.redactor = redactor;
        this.ledger = ledger;
        this.cooldowns = cooldowns;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** for CDI's client proxy */
    protected ExternalClassifier() {
        this(null, null, null, null, null);
    }

    public TitanAnswer classify(ExternalModel model, TitanRequest request, Collection<String> requesterFields) {
        TitanSettings settings = model.settings();
        String titanId = settings.titanId();
        try {
            if (!model.enabled()) {
                throw new TitanDisabledException(titanId);
            }
            ledger.ensureWithinCap(titanId, request.tenantId());
            cooldowns.awaitOrRefuse(titanId, settings.maxRetryAfter());
        } catch (TitanException refused) {
            metrics.error(titanId, refused.kind().metricName());
            throw refused;
        }
        RedactedPrompt prompt = RedactedPrompt.of(redactor, request, requesterFields);
        ChatResponse response = call(model, prompt);
        account(settings, request.tenantId(), response.tokenUsage());
        try {
            return answer(settings, request, prompt, response);
        } catch (OutsideLabelSetException outside) {
            metrics.error(titanId, FailureKind.OUTSIDE_LABEL_SET.metricName());
            throw outside;
        } catch (IllegalArgumentException malformed) {
            metrics.error(titanId, FailureKind.MALFORMED_ANSWER.metricName());
            throw new NonRetryableTitanException(titanId, FailureKind.MALFORMED_ANSWER, malformed.getMessage(),
                    malformed);
        }
    }

    private ChatResponse call(ExternalModel model, RedactedPrompt prompt) {
        TitanSettings settings = model.settings();
        boolean schema = settings.jsonSchema()
                && model.chat().supportedCapabilities().contains(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
        long start = System.nanoTime();
        try {
            ChatResponse response = model.chat().chat(LabelPrompt.of(prompt, schema));
            metrics.latency(settings.titanId(), true, Duration.ofNanos(System.nanoTime() - start));
            return response;
        } catch (RuntimeException failure) {
            metrics.latency(settings.titanId(), false, Duration.ofNanos(System.nanoTime() - start));
            TitanException classified = new FailureClassifier(settings.provider().protocol(), clock)
                    .classify(settings.titanId(), failure);
            metrics.error(settings.titanId(), classified.kind().metricName());
            throw waitOrRefuse(settings, classified);
        }
    }

    /** A provider's wait longer than OMEGA waits makes the failure final for now, and refuses calls until it passed. */
    private TitanException waitOrRefuse(TitanSettings settings, TitanException failure) {
        if (failure instanceof RetryableTitanException retryable && retryable.retryAfter().isPresent()) {
            Duration wait = retryable.retryAfter().get();
            cooldowns.note(settings.titanId(), wait);
            if (wait.compareTo(settings.maxRetryAfter()) > 0) {
                return new NonRetryableTitanException(settings.titanId(), FailureKind.COOLING_DOWN,
                        "the provider asked to wait " + wait.toMillis() + " ms, more than titans."
                                + settings.titanId() + ".max-retry-after-ms", failure);
            }
        }
        return failure;
    }

    private void account(TitanSettings settings, String tenantId, TokenUsage usage) {
        long input = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        long output = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        double cost = ledger.record(settings.titanId(), tenantId, settings.model(), input, output);
        metrics.tokens(settings.titanId(), tenantId, input, output);
        metrics.cost(settings.titanId(), tenantId, cost);
    }

    private static TitanAnswer answer(TitanSettings settings, TitanRequest request, RedactedPrompt prompt,
                                      ChatResponse response) {
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        ParsedAnswer parsed = ParsedAnswer.parse(text);
        String value = allowed(request, prompt, parsed.value());
        List<Alternative> alternatives = new ArrayList<>();
        alternatives.add(new Alternative(value, parsed.confidence()));
        parsed.alternatives().stream()
                .sorted(Comparator.comparingDouble(ParsedAnswer.Candidate::confidence).reversed())
                .forEach(candidate -> {
                    String other = allowed(request, prompt, candidate.value());
                    if (alternatives.stream().noneMatch(a -> a.value().equals(other))) {
                        alternatives.add(new Alternative(other, candidate.confidence()));
                    }
                });
        String modelVersion = response.modelName() != null ? response.modelName() : settings.model();
        return new TitanAnswer(value, parsed.confidence(), alternatives, settings.titanId(), modelVersion, Tier.CONFIRM,
                prompt.redaction().restore(parsed.explanation()));
    }

    /** @return the original label value for the model's (redacted) value; never a value outside the label set */
    private static String allowed(TitanRequest request, RedactedPrompt prompt, String redactedValue) {
        String original = prompt.values().get(redactedValue);
        if (original == null || !request.allowedValues().contains(original)) {
            throw new OutsideLabelSetException(request.label(), redactedValue, request.allowedValues());
        }
        return original;
    }
}
