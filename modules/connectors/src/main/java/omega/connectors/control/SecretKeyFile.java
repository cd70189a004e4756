package omega.connectors.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The AES-256 key for connection secrets: from configuration (base64 of 32 bytes), or else from a key file that
 * is generated once (owner read/write only) and read on every later start. The file is written to a temporary
 * name and hard-linked into place, so two processes starting at once agree on one key and nobody reads a
 * half-written file.
 */
public final class SecretKeyFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SecretKeyFile() {
    }

    /** @throws IllegalArgumentException when the configured value is not base64 of 32 bytes */
    public static byte[] decode(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("connectors.secrets.key is not base64");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException("connectors.secrets.key must be 32 bytes (base64 of 44 characters), not "
                    + key.length + " bytes; e.g. openssl rand -base64 32");
        }
        return key;
    }

    /** Reads the key file, creating it with a fresh random key when it does not exist. */
    public static byte[] readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return decode(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secrets key file " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path temp = Files.createTempFile(dir, ".connectors-key-", ".tmp");
        try {
            restrict(temp);
            Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n");
            try {
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException e) {
                // another process created it first: use theirs
            } catch (UnsupportedOperationException e) {
                try {
                    Files.move(temp, file);
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: use theirs
                }
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void restrict(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, OWNER_ONLY);
        } catch (UnsupportedOperationException e) {
            java.io.File f = path.toFile();
            f.setReadable(false, false);
            f.setWritable(false, false);
            f.setReadable(true, true);
            f.setWritable(true, true);
        }
    }
}
