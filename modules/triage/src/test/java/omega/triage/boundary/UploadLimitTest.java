package omega.triage.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

import omega.platform.api.ProblemException;

class UploadLimitTest {

    @Test
    void aBodyUpToTheLimitIsReadWhole() throws IOException {
        InputStream limited = UploadLimit.of(new ByteArrayInputStream(new byte[1000]), null, 1000, "triage.train.max-bytes");
        assertEquals(1000, limited.readAllBytes().length);
    }

    @Test
    void readingPastTheLimitIs413NamingTheKey() {
        InputStream limited = UploadLimit.of(new ByteArrayInputStream(new byte[1001]), null, 1000, "triage.train.max-bytes");
        ProblemException e = assertThrows(ProblemException.class, limited::readAllBytes);
        assertEquals(413, e.status());
        assertTrue(e.detail().contains("triage.train.max-bytes = 1000"), e.detail());
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() {
        ProblemException e = assertThrows(ProblemException.class, () -> UploadLimit.of(new ByteArrayInputStream(new byte[0]),
                "5000", 1000, "triage.train.max-bytes"));
        assertEquals(413, e.status());
    }
}
