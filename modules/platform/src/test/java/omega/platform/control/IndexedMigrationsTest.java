package omega.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every module's migration index lists exactly the scripts in its folder (a forgotten line fails here). */
class IndexedMigrationsTest {

    @Test
    void everyIndexListsItsFolder() throws IOException {
        Path modules = Path.of("..").toAbsolutePath().normalize();
        List<Path> folders;
        try (Stream<Path> walk = Files.walk(modules, 10)) {
            folders = walk.filter(p -> p.endsWith("index.txt") && p.toString().contains("src/main/resources/db/migration"))
                    .map(Path::getParent).toList();
        }
        assertFalse(folders.isEmpty(), "no migration folders found under " + modules);
        for (Path folder : folders) {
            List<String> listed = IndexedMigrations.names(new FolderLoader(folder), "");
            List<String> present;
            try (Stream<Path> files = Files.list(folder)) {
                present = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
            }
            assertEquals(present, listed.stream().sorted().toList(), "index.txt of " + folder);
        }
    }

    private static final class FolderLoader extends ClassLoader {
        private final Path folder;

        FolderLoader(Path folder) {
            super(null);
            this.folder = folder;
        }

        @Override
        public java.io.InputStream getResourceAsStream(String name) {
            try {
                return Files.newInputStream(folder.resolve(name));
            } catch (IOException e) {
                return null;
            }
        }
    }
}
