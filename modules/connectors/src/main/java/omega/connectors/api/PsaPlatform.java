package omega.connectors.api;

import java.util.Locale;

/** The PSA/helpdesk platforms OMEGA takes tickets from; the slug is the canonical ticket's {@code source}. */
public enum PsaPlatform {
    ZENDESK("zendesk"),
    SERVICENOW("servicenow"),
    SALESFORCE("salesforce"),
    KASEYA_BMS("kaseya-bms"),
    CONNECTWISE("connectwise"),
    AUTOTASK("autotask");

    private final String slug;

    PsaPlatform(String slug) {
        this.slug = slug;
    }

    /** @return the spelling used in URLs and as {@code source}, e.g. {@code kaseya-bms} */
    public String slug() {
        return slug;
    }

    /**
     * @param slug a platform slug, case-insensitive (e.g. from {@code /integrations/{platform}/webhook})
     * @throws IllegalArgumentException naming the known slugs when there is no such platform
     */
    public static PsaPlatform fromSlug(String slug) {
        if (slug != null) {
            String wanted = slug.trim().toLowerCase(Locale.ROOT);
            for (PsaPlatform platform : values()) {
                if (platform.slug.equals(wanted)) {
                    return platform;
                }
            }
        }
        throw new IllegalArgumentException("Unknown platform '" + slug
                + "' (expected zendesk, servicenow, salesforce, kaseya-bms, connectwise or autotask)");
    }
}
