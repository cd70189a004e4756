package omega.triage.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import omega.titans.api.Alternative;
import omega.titans.api.FailureKind;
import omega.titans.api.NonRetryableTitanException;
import omega.titans.api.Tier;
import omega.titans.api.TitanAnswer;
import omega.triage.api.LabelDecision;
import omega.triage.api.TitanVote;

/** An external titan asked by the Decider: late, failed or replaced by the local titan, it votes undecided with why. */
class ExternalDeadlineTest {

    static final TitanAnswer LOCAL = new TitanAnswer("network", 0.97, List.of(new Alternative("network", 0.97)), "local",
            "v1", Tier.AUTO, null);

    static long in(long ms) {
        return System.nanoTime() + ms * 1_000_000;
    }

    @Test
    void aTitanThatMissesTheDeadlineVotesTimeoutAndTheLocalTitanDecides() {
        CompletableFuture<TitanAnswer> hanging = new CompletableFuture<>();
        long start = System.nanoTime();
        TitanAnswer late = new Decider.Asked("openai", "local", hanging).answer(in(150), 150);
        long waitedMs = (System.nanoTime() - start) / 1_000_000;

        assertTrue(waitedMs >= 140 && waitedMs < 2_000, "waited " + waitedMs + " ms");
        assertFalse(late.decided());
        assertEquals("openai", late.titanId());
        assertTrue(late.explanation().startsWith("timeout:"), late.explanation());
        assertTrue(hanging.isCancelled());

        Pantheon.Outcome outcome = Pantheon.combine("category", List.of(LOCAL, late), Map.of());
        LabelDecision decision = outcome.decision();
        assertEquals("network", decision.value());
        assertEquals(Tier.AUTO, decision.tier());
        TitanVote vote = outcome.votes().stream().filter(v -> v.titanId().equals("openai")).findFirst().orElseThrow();
        assertNull(vote.value());
        assertTrue(vote.reason().startsWith("timeout:"), vote.reason());
        assertNull(outcome.votes().get(0).reason(), "the deciding titan has no reason");
    }

    @Test
    void aFailureOrAStandInAnswerBecomesAReason() {
        TitanAnswer quota = new Decider.Asked("openai", "local", CompletableFuture.failedFuture(
                new NonRetryableTitanException("openai", FailureKind.QUOTA_EXHAUSTED, "insufficient_quota", null)))
                .answer(in(1_000), 1_000);
        assertEquals("quota_exhausted: openai: quota_exhausted: insufficient_quota", quota.explanation());

        TitanAnswer standIn = new Decider.Asked("anthropic", "local",
                CompletableFuture.completedFuture(LOCAL.standingInFor("rate_limited: anthropic: rate_limited: HTTP 429")))
                .answer(in(1_000), 1_000);
        assertEquals("anthropic", standIn.titanId());
        assertFalse(standIn.decided(), "the local titan's stand-in answer is not counted twice");
        assertEquals("rate_limited: anthropic: rate_limited: HTTP 429", standIn.explanation());
    }

    @Test
    void anAnswerInTimeIsTheTitansVote() {
        TitanAnswer gpt = new TitanAnswer("network", 0.8, List.of(), "openai", "gpt-4o-mini", Tier.CONFIRM, "VPN words");
        assertEquals(gpt, new Decider.Asked("openai", "local", CompletableFuture.completedFuture(gpt)).answer(in(10), 10));
    }
}
