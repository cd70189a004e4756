package omega.connectors.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SourceTimesTest {

    @ParameterizedTest
    @CsvSource({
            "2025-01-08T10:12:07Z, 2025-01-08T10:12:07Z",
            "2025-01-08T10:12:07.672717030Z, 2025-01-08T10:12:07.672717030Z",
            "2022-12-07T09:15:45.2Z, 2022-12-07T09:15:45.200Z",
            "2016-09-27T20:32:11.000+0000, 2016-09-27T20:32:11Z",
            "2026-01-20T10:00:00+02:00, 2026-01-20T08:00:00Z",
            "2026-01-20T10:00:00-0500, 2026-01-20T15:00:00Z",
            "2016-12-14 02:46:44, 2016-12-14T02:46:44Z",
            "2024-01-15T09:12:00, 2024-01-15T09:12:00Z",
            "2024-01-15T09:12, 2024-01-15T09:12:00Z",
            "2024-01-15, 2024-01-15T00:00:00Z",
            "'  2024-01-15T09:12:00Z  ', 2024-01-15T09:12:00Z",
            "2024-01-15t09:12:00z, 2024-01-15T09:12:00Z"})
    void readsThePlatformsSpellings(String text, String expected) {
        assertEquals(Instant.parse(expected), SourceTimes.parse(text));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void blankIsNoTime(String text) {
        assertNull(SourceTimes.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"March 3, 2026", "1709550000", "2026-13-01T00:00:00Z", "2026-03-01T25:00:00Z", "yesterday"})
    void otherSpellingsAreRefused(String text) {
        assertThrows(DateTimeParseException.class, () -> SourceTimes.parse(text));
    }
}
