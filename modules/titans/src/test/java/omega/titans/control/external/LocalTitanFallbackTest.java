package omega.titans.control.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.junit.jupiter.api.Test;

import omega.titans.api.ExternalTitan;
import omega.titans.api.FailureKind;
import omega.titans.api.NonRetryableTitanException;
import omega.titans.api.OutsideLabelSetException;
import omega.titans.api.RetryableTitanException;
import omega.titans.api.Tier;
import omega.titans.api.Titan;
import omega.titans.api.TitanAnswer;
import omega.titans.api.TitanRequest;

class LocalTitanFallbackTest {

    private static final TitanRequest REQUEST = Rig.categoryRequest("printer offline");
    private static final RetryableTitanException FAILURE =
            new RetryableTitanException("openai", FailureKind.SERVER_ERROR, "HTTP 500", null, null);

    @Test
    void theLocalTitanAnswersInstead() {
        Titan local = titan("local", new TitanAnswer("Hardware", 0.9, List.of(), "local", "v3", Tier.AUTO, null));

        TitanAnswer answer = LocalTitanFallback.answer(List.of(externalNamed("local"), local), "local",
                context(REQUEST, List.of("Ann Smith")));

        assertEquals("local", answer.titanId());
        assertEquals("Hardware", answer.value());
        assertEquals("server_error: openai: server_error: HTTP 500", answer.failure(), "why the external titan did not answer");
    }

    @Test
    void withoutALocalTitanTheOriginalFailureReachesTheCaller() {
        RetryableTitanException thrown = assertThrows(RetryableTitanException.class,
                () -> LocalTitanFallback.answer(List.of(titan("other", null)), "local", context(REQUEST)));

        assertSame(FAILURE, thrown);
    }

    @Test
    void theReasonNamesTheKindOfFailure() {
        assertTrue(LocalTitanFallback.describe(new OutsideLabelSetException("category", "hardware", Set.of("network")))
                .startsWith("outside_label_set: "));
        assertTrue(LocalTitanFallback.describe(new org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException())
                .startsWith("timeout: "));
        assertTrue(LocalTitanFallback.describe(new NonRetryableTitanException("openai", FailureKind.QUOTA_EXHAUSTED,
                "insufficient_quota", null)).startsWith("quota_exhausted: "));
    }

    private static ExecutionContext context(Object... parameters) {
        return new ExecutionContext() {
            @Override
            public Method getMethod() {
                return null;
            }

            @Override
            public Object[] getParameters() {
                return parameters;
            }

            @Override
            public Throwable getFailure() {
                return FAILURE;
            }
        };
    }

    private static Titan titan(String id, TitanAnswer answer) {
        return new Titan() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public TitanAnswer classify(TitanRequest request) {
                return answer;
            }
        };
    }

    /** An external titan that (wrongly) calls itself local must never be the fallback. */
    private static ExternalTitan externalNamed(String id) {
        return new ExternalTitan() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public TitanAnswer classify(TitanRequest request) {
                throw new AssertionError("an external titan is no fallback");
            }

            @Override
            public TitanAnswer classify(TitanRequest request, Collection<String> requesterFields) {
                throw new AssertionError("an external titan is no fallback");
            }
        };
    }
}
