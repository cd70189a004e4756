package omega.titans.control.external;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

import omega.titans.api.CostCapReachedException;
import omega.titans.api.ExternalTitan;
import omega.titans.api.NonRetryableTitanException;
import omega.titans.api.OutsideLabelSetException;
import omega.titans.api.RetryableTitanException;
import omega.titans.api.TitanDisabledException;

/**
 * The Fault Tolerance policy each adapter declares (the behaviour itself is verified in a Liberty IT): both
 * classify methods retry only what is retryable, never count refusals against the breaker, and fall back locally.
 */
class FaultTolerancePolicyTest {

    private static final List<Class<?>> ADAPTERS = List.of(GptTitan.class, ClaudeTitan.class, GeminiTitan.class,
            GrokTitan.class, AugmentTitan.class);

    @Test
    void everyAdaptersCallMethodsCarryTheWholePolicy() {
        for (Class<?> adapter : ADAPTERS) {
            assertNotNull(adapter.getAnnotation(ApplicationScoped.class), adapter.getSimpleName());
            assertEquals(Set.of(ExternalTitan.class, adapter), Set.of(adapter.getAnnotation(Typed.class).value()),
                    "an unqualified @Inject Titan must stay unambiguous: " + adapter.getSimpleName());
            List<Method> calls = List.of(adapter.getMethods()).stream()
                    .filter(m -> m.getName().equals("classify") && !m.isBridge()).toList();
            assertEquals(2, calls.size(), adapter.getSimpleName());
            for (Method call : calls) {
                String where = adapter.getSimpleName() + "." + call.getName() + List.of(call.getParameterTypes());
                assertNotNull(call.getAnnotation(Timeout.class), where);
                assertNotNull(call.getAnnotation(Bulkhead.class), where);
                Retry retry = call.getAnnotation(Retry.class);
                assertArrayEquals(new Class<?>[] {RetryableTitanException.class, TimeoutException.class},
                        retry.retryOn(), where);
                assertArrayEquals(new Class<?>[] {NonRetryableTitanException.class, OutsideLabelSetException.class},
                        retry.abortOn(), where);
                assertEquals(Set.of(CostCapReachedException.class, TitanDisabledException.class,
                        OutsideLabelSetException.class), Set.of(call.getAnnotation(CircuitBreaker.class).skipOn()), where);
                assertEquals(LocalTitanFallback.class, call.getAnnotation(Fallback.class).value(), where);
                assertTrue(call.getAnnotation(Timeout.class).value() * 1000
                        > Long.parseLong(ModuleDefaults.values().get("titans.openai.timeout-ms"))
                        + Long.parseLong(ModuleDefaults.values().get("titans.openai.max-retry-after-ms")),
                        "the FT timeout leaves room for the HTTP timeout plus a honoured retry-after: " + where);
            }
        }
    }
}
