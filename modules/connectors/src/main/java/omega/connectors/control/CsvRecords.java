package omega.connectors.control;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams RFC 4180 records (comma-separated, double-quoted fields with doubled quotes, line breaks inside
 * quotes) from a reader, one record at a time, in bounded memory: a record longer than {@code maxChars}
 * fails with {@link TooLong}. Accepts LF and CRLF line ends and a leading byte-order mark.
 */
final class CsvRecords {

    /** A record longer than the limit (a runaway quote, usually): the rest of the file cannot be trusted. */
    static final class TooLong extends IOException {
        TooLong(long line, int max) {
            super("the record starting on line " + line + " is longer than " + max + " characters (an unclosed quote?)");
        }
    }

    private final Reader in;
    private final int maxChars;
    private long line = 1;
    private long recordLine;
    private int pushback = -2;
    private boolean first = true;

    CsvRecords(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** @return the physical line the last record returned by {@link #next()} started on */
    long recordLine() {
        return recordLine;
    }

    /** @return the next record's fields, or null at the end of the input */
    List<String> next() throws IOException {
        int c = read();
        if (first) {
            first = false;
            if (c == '\uFEFF') {
                c = read();
            }
        }
        if (c < 0) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int size = 0;
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (c < 0) {
                fields.add(field.toString());
                return fields;
            }
            if (++size > maxChars) {
                throw new TooLong(recordLine, maxChars);
            }
            if (quoted) {
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r') {
                    int n = read();
                    if (n != '\n') {
                        unread(n);
                    }
                }
                line++;
                fields.add(field.toString());
                return fields;
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (pushback != -2) {
            int c = pushback;
            pushback = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        pushback = c;
    }
}
