package omega.platform.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Finds a module's migrations through {@code db/migration/<module>/index.txt} (one script name a line)
 * instead of scanning the class path, which depends on how the server lays out the application
 * (loose directories, wsjar URLs). {@code IndexedMigrationsTest} checks every index lists its folder.
 */
final class IndexedMigrations implements ResourceProvider {

    private final ClassLoader loader;
    private final String folder;
    private final List<LoadableResource> scripts = new ArrayList<>();

    IndexedMigrations(ClassLoader loader, String module) {
        this.loader = loader;
        this.folder = "db/migration/" + module + "/";
        for (String name : names(loader, folder)) {
            scripts.add(new Script(name, text(folder + name)));
        }
    }

    static List<String> names(ClassLoader loader, String folder) {
        try (InputStream index = loader.getResourceAsStream(folder + "index.txt")) {
            if (index == null) {
                return List.of();
            }
            return Arrays.stream(new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\\R"))
                    .map(String::trim).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
        } catch (IOException e) {
            throw new FlywayException("Cannot read " + folder + "index.txt", e);
        }
    }

    private String text(String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new FlywayException("Migration " + path + " is listed in its index.txt but missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FlywayException("Cannot read migration " + path, e);
        }
    }

    @Override
    public LoadableResource getResource(String name) {
        return scripts.stream().filter(s -> s.getFilename().equals(name) || s.getRelativePath().equals(name))
                .findFirst().orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return scripts.stream()
                .filter(s -> s.getFilename().startsWith(prefix))
                .filter(s -> Arrays.stream(suffixes).anyMatch(suffix -> s.getFilename().endsWith(suffix)))
                .toList();
    }

    private final class Script extends LoadableResource {
        private final String name;
        private final String sql;

        Script(String name, String sql) {
            this.name = name;
            this.sql = sql;
        }

        @Override
        public Reader read() {
            return new StringReader(sql);
        }

        @Override
        public String getAbsolutePath() {
            return folder + name;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return folder + name;
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return folder + name;
        }
    }
}
