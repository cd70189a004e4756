package omega.titans.control.external;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import omega.platform.control.MapConfig;

/** The titans module's own config defaults (META-INF/microprofile-config.properties) under a test's values. */
final class ModuleDefaults {

    private static final Path FILE = Path.of("src/main/resources/META-INF/microprofile-config.properties");

    private ModuleDefaults() {
    }

    static Map<String, String> values() {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(FILE)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("run the tests from modules/titans: " + FILE.toAbsolutePath(), e);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }

    /** @return a config of the module's defaults, overridden by {@code values} (as environment variables would) */
    static MapConfig config(Map<String, String> values) {
        Map<String, String> all = values();
        all.putAll(values);
        return new MapConfig(all);
    }
}
