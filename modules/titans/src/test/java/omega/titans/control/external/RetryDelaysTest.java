package omega.titans.control.external;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RetryDelaysTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:30:00Z"), ZoneOffset.UTC);

    @Test
    void readsRetryAfterAsSecondsOrAsAnHttpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(20)), RetryDelays.retryAfter("20", CLOCK));
        assertEquals(Optional.of(Duration.ofMillis(1500)), RetryDelays.retryAfter("1.5", CLOCK));
        assertEquals(Optional.of(Duration.ofSeconds(90)),
                RetryDelays.retryAfter("Sun, 22 Nov 2026 09:31:30 GMT", CLOCK));
        assertEquals(Optional.of(Duration.ZERO), RetryDelays.retryAfter("Sun, 22 Nov 2026 09:00:00 GMT", CLOCK));
        assertEquals(Optional.empty(), RetryDelays.retryAfter("soon", CLOCK));
        assertEquals(Optional.empty(), RetryDelays.retryAfter("-3", CLOCK));
    }

    @Test
    void prefersRetryAfterMs() {
        ProviderHttpException http = new ProviderHttpException(429,
                Map.of("Retry-After", List.of("3"), "retry-after-ms", List.of("120")), "{}");

        assertEquals(Optional.of(Duration.ofMillis(120)), RetryDelays.fromHeaders(http, CLOCK));
    }

    @Test
    void readsProtobufDurationsAndOpenAiMessages() {
        assertEquals(Optional.of(Duration.ofMillis(41_500)), RetryDelays.goDuration("41.5s"));
        assertEquals(Optional.of(Duration.ofMillis(300)), RetryDelays.goDuration("300ms"));
        assertEquals(Optional.of(Duration.ofSeconds(90)), RetryDelays.goDuration("1m30s"));
        assertEquals(Optional.empty(), RetryDelays.goDuration("later"));
        assertEquals(Optional.of(Duration.ofMillis(29)),
                RetryDelays.fromMessage("Rate limit reached ... Please try again in 29ms."));
        assertEquals(Optional.of(Duration.ofSeconds(360)), RetryDelays.fromMessage("Please try again in 6m0s."));
        assertEquals(Optional.empty(), RetryDelays.fromMessage("You exceeded your current quota."));
    }
}
