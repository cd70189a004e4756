package omega.connectors.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

import omega.platform.api.HistoricalTicket;

class HistoryRowsTest {

    @Test
    void acceptsIsoAndOffsetLessTimesAndDropsEmptyLabels() throws Exception {
        HistoricalTicket t = HistoryRows.row("demo", "job", 7, " INC1 ", "Title", null, "2025-02-01 09:30:00",
                Map.of("queue", "Service Desk", "empty", " "), "fixed");
        assertEquals("INC1", t.externalId());
        assertEquals("2025-02-01T09:30:00Z", t.createdAt());
        assertEquals(Map.of("queue", "Service Desk"), t.labels());
        assertEquals(7, t.line());
        assertEquals("2025-02-01T00:00:00Z", HistoryRows.row("demo", "job", 1, "x", "t", null, "2025-02-01", null, null).createdAt());
        assertEquals("2025-02-01T08:00:00Z", HistoryRows.row("demo", "job", 1, "x", "t", null, "2025-02-01T10:00:00+02:00", null, null).createdAt());
    }

    @Test
    void rejectsRowsWithoutIdTextOrReadableTime() {
        assertEquals("missing externalId", assertThrows(HistoryRows.Rejected.class,
                () -> HistoryRows.row("demo", "job", 1, " ", "t", "b", null, null, null)).getMessage());
        assertEquals("missing title and body: a ticket needs one of them", assertThrows(HistoryRows.Rejected.class,
                () -> HistoryRows.row("demo", "job", 1, "x", "", " ", null, null, null)).getMessage());
        assertThrows(HistoryRows.Rejected.class, () -> HistoryRows.row("demo", "job", 1, "x", "t", null, "yesterday", null, null));
    }
}
