package omega.context.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import omega.context.api.SearchQuery;

/** Logs at INFO and above carry ids and counts, never a ticket's text, resolution or requester. */
class LogHygieneTest {

    private static final Logger CONTEXT = Logger.getLogger("omega.context");

    @TempDir
    Path root;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                lines.add(formatter.format(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        CONTEXT.addHandler(capture);
    }

    @AfterEach
    void stop() {
        CONTEXT.removeHandler(capture);
    }

    @Test
    void noTicketContentReachesTheLog() {
        try (MemoryFixture fixture = new MemoryFixture(root, 3)) {
            for (int i = 0; i < 6; i++) { // crosses the HNSW threshold: a switch is logged
                fixture.memory.remember(Tickets.ticket("acme", "t" + i, "zanzibar quokka secret " + i, "Acme",
                        "access", "ann.lee@acme.example", Tickets.NOW));
            }
            fixture.memory.search(new SearchQuery("acme", "zanzibar quokka", 3));
            fixture.reopen().search(new SearchQuery("acme", "zanzibar quokka", 3));
            fixture.memory.eraseRequester("acme", "ann.lee@acme.example", "DSR-1");
        }
        assertTrue(lines.size() >= 3, "switch, open and erasure were logged: " + lines);
        for (String line : lines) {
            for (String content : List.of("zanzibar", "quokka", "ann.lee", "Reset the mail profile")) {
                assertFalse(line.contains(content), line);
            }
        }
    }
}
