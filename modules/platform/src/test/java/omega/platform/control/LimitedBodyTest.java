package omega.platform.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import omega.platform.api.LimitedBody;
import omega.platform.api.ProblemException;

import org.junit.jupiter.api.Test;

class LimitedBodyTest {

    private static ProblemException tooLarge() {
        return new ProblemException(413, "payload-too-large", "Payload too large", "over");
    }

    @Test
    void aBodyUpToTheLimitIsReadWhole() throws IOException {
        byte[] body = new byte[1000];
        try (InputStream in = new LimitedBody(new ByteArrayInputStream(body), 1000, LimitedBodyTest::tooLarge)) {
            assertArrayEquals(body, in.readAllBytes());
        }
    }

    @Test
    void readingPastTheLimitThrowsTheProblemWithBulkAndSingleReads() {
        ProblemException bulk = assertThrows(ProblemException.class, () -> new LimitedBody(
                new ByteArrayInputStream(new byte[1001]), 1000, LimitedBodyTest::tooLarge).readAllBytes());
        assertEquals(413, bulk.status());

        InputStream single = new LimitedBody(new ByteArrayInputStream(new byte[3]), 2, LimitedBodyTest::tooLarge);
        assertThrows(ProblemException.class, () -> {
            for (int i = 0; i < 3; i++) {
                single.read();
            }
        });
    }
}
