package omega.connectors.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaksAndTracksLines() throws IOException {
        CsvRecords csv = new CsvRecords(new StringReader("\uFEFFa,b,c\r\n1,\"x, \"\"y\"\"\r\nz\",3\n\"\",,last"), 1000);
        assertEquals(List.of("a", "b", "c"), csv.next());
        assertEquals(1, csv.recordLine());
        assertEquals(List.of("1", "x, \"y\"\r\nz", "3"), csv.next());
        assertEquals(2, csv.recordLine());
        assertEquals(List.of("", "", "last"), csv.next());
        assertEquals(4, csv.recordLine());
        assertNull(csv.next());
    }

    @Test
    void aRunawayQuoteFailsInsteadOfBufferingTheRestOfTheFile() throws IOException {
        CsvRecords csv = new CsvRecords(new StringReader("a,b\n1,\"never closed\n" + "x".repeat(5000)), 100);
        csv.next();
        assertThrows(CsvRecords.TooLong.class, csv::next);
    }
}
