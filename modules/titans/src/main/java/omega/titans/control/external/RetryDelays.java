package omega.titans.control.external;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how long a provider asks to wait: {@code retry-after-ms}, {@code retry-after} (seconds or an HTTP date),
 * Gemini's {@code RetryInfo.retryDelay} ({@code "41.5s"}) and OpenAI's "Please try again in 2s / 29ms / 6m0s".
 */
final class RetryDelays {

    private static final Pattern GO_DURATION = Pattern.compile(
            "(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+(?:\\.\\d+)?)s)?(?:(\\d+(?:\\.\\d+)?)ms)?");
    private static final Pattern TRY_AGAIN = Pattern.compile("(?i)try again in ((?:\\d+(?:\\.\\d+)?(?:h|ms|m|s))+)");

    private RetryDelays() {
    }

    static Optional<Duration> fromHeaders(ProviderHttpException http, Clock clock) {
        Optional<Duration> millis = http.header("retry-after-ms").flatMap(RetryDelays::decimalMillis);
        if (millis.isPresent()) {
            return millis;
        }
        return http.header("retry-after").flatMap(value -> retryAfter(value, clock));
    }

    /** @param value delta-seconds (possibly fractional) or an IMF-fixdate */
    static Optional<Duration> retryAfter(String value, Clock clock) {
        String trimmed = value.trim();
        try {
            return Optional.of(seconds(new BigDecimal(trimmed)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    /** @param value a protobuf/Go duration such as {@code 41.5s}, {@code 300ms}, {@code 1m30s} */
    static Optional<Duration> goDuration(String value) {
        Matcher m = GO_DURATION.matcher(value.trim());
        if (value.isBlank() || !m.matches() || m.group().isEmpty()) {
            return Optional.empty();
        }
        Duration total = Duration.ZERO;
        if (m.group(1) != null) {
            total = total.plusHours(Long.parseLong(m.group(1)));
        }
        if (m.group(2) != null) {
            total = total.plusMinutes(Long.parseLong(m.group(2)));
        }
        if (m.group(3) != null) {
            total = total.plus(seconds(new BigDecimal(m.group(3))));
        }
        if (m.group(4) != null) {
            total = total.plus(decimalMillis(m.group(4)).orElse(Duration.ZERO));
        }
        return Optional.of(total);
    }

    /** OpenAI writes the wait into the message: "... Please try again in 2s." */
    static Optional<Duration> fromMessage(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher m = TRY_AGAIN.matcher(message);
        return m.find() ? goDuration(m.group(1)) : Optional.empty();
    }

    private static Optional<Duration> decimalMillis(String value) {
        try {
            return Optional.of(Duration.ofNanos(new BigDecimal(value.trim()).movePointRight(6).longValue()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Duration seconds(BigDecimal seconds) {
        if (seconds.signum() < 0) {
            throw new NumberFormatException("negative");
        }
        return Duration.ofNanos(seconds.movePointRight(9).longValue());
    }
}
