package omega.connectors.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeyFileTest {

    @TempDir
    Path dir;

    @Test
    void theKeyFileIsCreatedOnceOwnerOnlyAndReadAfterwards() throws Exception {
        Path file = dir.resolve("out/connectors-secrets.key");
        byte[] first = SecretKeyFile.readOrCreate(file);
        assertEquals(32, first.length);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertArrayEquals(first, SecretKeyFile.readOrCreate(file), "the same key on the next start");
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void processesStartingAtOnceAgreeOnOneKey() throws Exception {
        Path file = dir.resolve("race.key");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<byte[]>> keys = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                keys.add(pool.submit(() -> SecretKeyFile.readOrCreate(file)));
            }
            byte[] winner = keys.get(0).get();
            for (Future<byte[]> k : keys) {
                assertArrayEquals(winner, k.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aConfiguredKeyMustBeBase64Of32Bytes() {
        assertEquals(32, SecretKeyFile.decode("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=").length);
        assertThrows(IllegalArgumentException.class, () -> SecretKeyFile.decode("AAECAwQFBgcICQoLDA0ODw=="));
        assertThrows(IllegalArgumentException.class, () -> SecretKeyFile.decode("not base64 at all!"));
    }
}
