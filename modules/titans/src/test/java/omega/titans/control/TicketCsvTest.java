package omega.titans.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class TicketCsvTest {

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
        List<List<String>> records = TicketCsv.parse("title,body,category\n,\"a, b\",4\r\n\"say \"\"hi\"\"\",\"two\nlines\",5\nx,y,6");
        assertEquals(List.of(List.of("title", "body", "category"), List.of("", "a, b", "4"),
                List.of("say \"hi\"", "two\nlines", "5"), List.of("x", "y", "6")), records);
    }
}
