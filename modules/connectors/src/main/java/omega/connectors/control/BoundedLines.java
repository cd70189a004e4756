package omega.connectors.control;

import java.io.IOException;
import java.io.Reader;

/** Reads lines (LF or CRLF) in bounded memory: a line longer than {@code maxChars} is skipped and reported. */
final class BoundedLines {

    /** A line; {@code tooLong} when it was cut (its text is then empty). */
    record Line(long number, String text, boolean tooLong) {
    }

    private final Reader in;
    private final int maxChars;
    private final StringBuilder buffer = new StringBuilder();
    private long number;

    BoundedLines(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** @return the next line, or null at the end */
    Line next() throws IOException {
        buffer.setLength(0);
        boolean tooLong = false;
        int c = in.read();
        if (c < 0) {
            return null;
        }
        number++;
        while (c >= 0 && c != '\n') {
            if (!tooLong) {
                if (buffer.length() >= maxChars) {
                    tooLong = true;
                    buffer.setLength(0);
                } else {
                    buffer.append((char) c);
                }
            }
            c = in.read();
        }
        int end = buffer.length();
        if (end > 0 && buffer.charAt(end - 1) == '\r') {
            buffer.setLength(end - 1);
        }
        return new Line(number, buffer.toString(), tooLong);
    }
}
