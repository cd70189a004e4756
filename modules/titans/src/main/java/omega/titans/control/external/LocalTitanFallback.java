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
import omega.titans.api.Titan;
import omega.titans.api.TitanAnswer;
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

    static TitanAnswer answer(Iterable<Titan> titans, String localTitanId, ExecutionContext context) {
        TitanRequest request = (TitanRequest) context.getParameters()[0];
        for (Titan titan : titans) {
            if (!(titan instanceof ExternalTitan) && localTitanId.equals(titan.id())) {
                return titan.classify(request);
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
