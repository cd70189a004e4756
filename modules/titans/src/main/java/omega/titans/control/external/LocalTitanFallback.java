package omega.titans.control.external;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;

import omega.titans.api.ExternalTitan;
import omega.titans.api.FailureKind;
import omega.titans.api.NonRetryableTitanException;
import omega.titans.api.OutsideLabelSetException;
import omega.titans.api.Titan;
import omega.titans.api.TitanAnswer;
import omega.titans.api.TitanException;
import omega.titans.api.TitanRequest;

/**
 * When an external titan fails for good (retries spent, breaker open, bulkhead full, cost cap, not configured), the
 * local titan answers instead — the answer's {@code titanId} says which one did. Without a local titan bean (id
 * {@code titans.fallback.local-titan-id}, default {@code local}) the original failure reaches the caller.
 */
@Dependent
public class LocalTitanFallback implements FallbackHandler<TitanAnswer> {

    @Inject
    @Any
    Instance<Titan> titans;

    @Inject
    @ConfigProperty(name = "titans.fallback.local-titan-id", defaultValue = "local")
    String localTitanId;

    @Override
    public TitanAnswer handle(ExecutionContext context) {
        return answer(titans, localTitanId, context);
    }

    /** @return the failure's kind (as in {@code titan_api_errors_total}) and message, for the titan's vote */
    static String describe(Throwable failure) {
        if (failure instanceof TitanException titan) {
            return titan.kind().metricName() + ": " + titan.getMessage();
        }
        String kind = failure instanceof OutsideLabelSetException ? FailureKind.OUTSIDE_LABEL_SET.metricName()
                : failure instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException ? "timeout"
                : failure instanceof org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException
                ? "circuit_open"
                : failure instanceof org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException ? "bulkhead_full"
                : FailureKind.UNKNOWN.metricName();
        return kind + ": " + failure;
    }

    static TitanAnswer answer(Iterable<Titan> titans, String localTitanId, ExecutionContext context) {
        TitanRequest request = (TitanRequest) context.getParameters()[0];
        for (Titan titan : titans) {
            if (!(titan instanceof ExternalTitan) && localTitanId.equals(titan.id())) {
                return titan.classify(request).standingInFor(describe(context.getFailure()));
            }
        }
        Throwable failure = context.getFailure();
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new NonRetryableTitanException("fallback", FailureKind.UNKNOWN, String.valueOf(failure), failure);
    }
}
