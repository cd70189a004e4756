package omega.connectors.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;

import org.junit.jupiter.api.Test;

class BoundedLinesTest {

    @Test
    void numbersLinesStripsCrAndCutsOverlongLines() throws IOException {
        BoundedLines lines = new BoundedLines(new StringReader("one\r\n" + "x".repeat(50) + "\n\nlast"), 10);
        assertEquals("one", lines.next().text());
        BoundedLines.Line long_ = lines.next();
        assertTrue(long_.tooLong());
        assertEquals(2, long_.number());
        assertEquals("", lines.next().text());
        BoundedLines.Line last = lines.next();
        assertEquals(4, last.number());
        assertEquals("last", last.text());
        assertNull(lines.next());
    }
}
