package omega.titans.control.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import omega.titans.api.FailureKind;
import omega.titans.api.NonRetryableTitanException;

class CooldownsTest {

    private final Cooldowns cooldowns = new Cooldowns();

    @Test
    void aShortWaitIsWaitedOut() {
        cooldowns.note("openai", Duration.ofMillis(300));

        long start = System.nanoTime();
        cooldowns.awaitOrRefuse("openai", Duration.ofSeconds(1));

        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 250);
        assertEquals(Duration.ZERO, cooldowns.remaining("openai"));
    }

    @Test
    void aLongWaitRefusesAndOnlyForThatTitan() {
        cooldowns.note("gemini", Duration.ofSeconds(40));

        NonRetryableTitanException refused = assertThrows(NonRetryableTitanException.class,
                () -> cooldowns.awaitOrRefuse("gemini", Duration.ofSeconds(10)));

        assertEquals(FailureKind.COOLING_DOWN, refused.kind());
        long start = System.nanoTime();
        cooldowns.awaitOrRefuse("openai", Duration.ofSeconds(10));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 100);
    }

    @Test
    void theLongerOfTwoWaitsCounts() {
        cooldowns.note("anthropic", Duration.ofSeconds(30));
        cooldowns.note("anthropic", Duration.ofSeconds(1));

        assertTrue(cooldowns.remaining("anthropic").toSeconds() >= 29);
    }
}
