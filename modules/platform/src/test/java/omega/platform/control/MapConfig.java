package omega.platform.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/** A MicroProfile {@link Config} over a map, for code that reads its settings from Config (no Liberty needed). */
public final class MapConfig implements Config {

    private final Map<String, String> values;

    public MapConfig(Map<String, String> values) {
        this.values = new LinkedHashMap<>(values);
    }

    @Override
    public <T> T getValue(String propertyName, Class<T> propertyType) {
        return getOptionalValue(propertyName, propertyType)
                .orElseThrow(() -> new NoSuchElementException("no property " + propertyName));
    }

    @Override
    public <T> Optional<T> getOptionalValue(String propertyName, Class<T> propertyType) {
        String raw = values.get(propertyName);
        return raw == null ? Optional.empty() : Optional.of(convert(raw, propertyType));
    }

    @Override
    public ConfigValue getConfigValue(String propertyName) {
        String raw = values.get(propertyName);
        return new ConfigValue() {
            @Override
            public String getName() {
                return propertyName;
            }

            @Override
            public String getValue() {
                return raw;
            }

            @Override
            public String getRawValue() {
                return raw;
            }

            @Override
            public String getSourceName() {
                return raw == null ? null : "MapConfig";
            }

            @Override
            public int getSourceOrdinal() {
                return 100;
            }
        };
    }

    @Override
    public Iterable<String> getPropertyNames() {
        return List.copyOf(values.keySet());
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
        return Optional.of(raw -> convert(raw, forType));
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new IllegalArgumentException("cannot unwrap to " + type);
    }

    private static <T> T convert(String raw, Class<T> type) {
        Object value;
        if (type == String.class) {
            value = raw;
        } else if (type == Integer.class || type == int.class) {
            value = Integer.valueOf(raw.trim());
        } else if (type == Long.class || type == long.class) {
            value = Long.valueOf(raw.trim());
        } else if (type == Boolean.class || type == boolean.class) {
            value = Boolean.valueOf(raw.trim());
        } else {
            throw new IllegalArgumentException("MapConfig cannot convert to " + type.getName());
        }
        @SuppressWarnings("unchecked")
        T result = (T) value;
        return result;
    }
}
