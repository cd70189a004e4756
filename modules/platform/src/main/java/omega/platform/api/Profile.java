package omega.platform.api;

import java.util.Locale;

/**
 * What this process runs ({@code omega.profile}). {@code ALL} runs everything; {@code PERIMETER}
 * serves the APIs but consumes no stage queue; each worker runs one stage's consumer plus health.
 */
public enum Profile {
    ALL, PERIMETER, NORMALIZER_WORKER, TRIAGE_WORKER, SHADOW_WORKER, ANALYTICS_WORKER;

    public static Profile parse(String value) {
        if (value == null || value.isBlank()) {
            return ALL;
        }
        String normalized = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Profile p : values()) {
            if (p.name().equals(normalized)) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unknown omega.profile '" + value
                + "' (expected all, perimeter, normalizer-worker, triage-worker, shadow-worker or analytics-worker)");
    }

    /** @return the configuration spelling, e.g. {@code triage-worker} */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean servesApi() {
        return this == ALL || this == PERIMETER;
    }
}
