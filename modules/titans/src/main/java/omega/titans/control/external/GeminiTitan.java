package omega.titans.control.external;

import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import omega.titans.api.CostCapReachedException;
import omega.titans.api.ExternalTitan;
import omega.titans.api.NonRetryableTitanException;
import omega.titans.api.OutsideLabelSetException;
import omega.titans.api.RetryableTitanException;
import omega.titans.api.TitanAnswer;
import omega.titans.api.TitanDisabledException;
import omega.titans.api.TitanRequest;

/**
 * The titan of Google's Gemini models (generateContent); id {@code gemini}, configured by
 * {@code titans.gemini.*}. Retries retryable failures (rate limits, overloads, 5xx, timeouts) twice, opens
 * its breaker when half of the last ten calls failed, and falls back to the local titan. The Fault Tolerance values
 * can be overridden per method through MicroProfile Config
 * ({@code omega.titans.control.external.GeminiTitan/classify/Retry/maxRetries=...}). Its bean types leave out
 * {@link omega.titans.api.Titan}, so {@code @Inject Titan} stays the local titan; inject {@link ExternalTitan}s.
 */
@ApplicationScoped
@Typed({ExternalTitan.class, GeminiTitan.class})
public class GeminiTitan implements ExternalTitan {

    private final ExternalModel model;
    private final ExternalClassifier classifier;

    @Inject
    public GeminiTitan(@ForTitan(Provider.GEMINI) ExternalModel model, ExternalClassifier classifier) {
        this.model = model;
        this.classifier = classifier;
    }

    /** for CDI's client proxy */
    protected GeminiTitan() {
        this(null, null);
    }

    @Override
    public String id() {
        return Provider.GEMINI.id();
    }

    @Override
    public boolean enabled() {
        return model.enabled();
    }

    @Override
    @Timeout(value = 45, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 1000, jitter = 500, retryOn = {RetryableTitanException.class, TimeoutException.class},
            abortOn = {NonRetryableTitanException.class, OutsideLabelSetException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
            skipOn = {CostCapReachedException.class, TitanDisabledException.class, OutsideLabelSetException.class})
    @Bulkhead(8)
    @Fallback(LocalTitanFallback.class)
    public TitanAnswer classify(TitanRequest request) {
        return classifier.classify(model, request, List.of());
    }

    @Override
    @Timeout(value = 45, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 1000, jitter = 500, retryOn = {RetryableTitanException.class, TimeoutException.class},
            abortOn = {NonRetryableTitanException.class, OutsideLabelSetException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
            skipOn = {CostCapReachedException.class, TitanDisabledException.class, OutsideLabelSetException.class})
    @Bulkhead(8)
    @Fallback(LocalTitanFallback.class)
    public TitanAnswer classify(TitanRequest request, Collection<String> requesterFields) {
        return classifier.classify(model, request, requesterFields);
    }
}
