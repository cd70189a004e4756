package omega.platform.control;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

/**
 * OpenID Connect sign-in (e.g. Microsoft Entra ID), all from MicroProfile Config / env: {@code omega.oidc.issuer}
 * and {@code omega.oidc.client-id} switch it on; {@code client-secret}, {@code redirect-uri}, {@code scopes},
 * {@code tenant-claim} + {@code tenant-map}, {@code role-claim} + {@code role-map} + {@code default-role},
 * {@code email-claims} and {@code provider-name} tune it (defaults in META-INF/microprofile-config.properties).
 */
public record OidcSettings(String issuer, String clientId, String clientSecret, String redirectUri, String scopes,
                           String tenantClaim, Map<String, String> tenantMap, String roleClaim,
                           Map<String, String> roleMap, String defaultRole, String[] emailClaims, String providerName) {

    public static OidcSettings from(Config c) {
        return new OidcSettings(get(c, "issuer", ""), get(c, "client-id", ""), get(c, "client-secret", ""),
                get(c, "redirect-uri", ""), get(c, "scopes", "openid profile email"), get(c, "tenant-claim", "tid"),
                pairs(get(c, "tenant-map", "")), get(c, "role-claim", "roles"),
                pairs(get(c, "role-map", "OMEGA.Admin=admin;OMEGA.Lead=lead;OMEGA.Technician=technician")),
                get(c, "default-role", ""), get(c, "email-claims", "preferred_username,email,upn").split("\\s*,\\s*"),
                get(c, "provider-name", "Microsoft"));
    }

    public boolean enabled() {
        return !issuer.isBlank() && !clientId.isBlank();
    }

    /** @return {@code a=b;c=d} (or commas) as a map; blank entries ignored */
    static Map<String, String> pairs(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : text.split("[;,]")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                map.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return map;
    }

    private static String get(Config c, String key, String fallback) {
        Optional<String> v = c.getOptionalValue("omega.oidc." + key, String.class);
        return v.map(String::trim).orElse(fallback);
    }
}
