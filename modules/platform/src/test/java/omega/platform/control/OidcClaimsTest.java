package omega.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import omega.platform.api.Role;

/** Tenant, role and e-mail from an Entra-shaped ID token's claims, by the configured claim names and maps. */
class OidcClaimsTest {

    static final String DIRECTORY = "9b1c6a52-0000-4000-8000-000000000001";

    static OidcSettings settings(Map<String, String> extra) {
        Map<String, String> values = new java.util.HashMap<>(Map.of("omega.oidc.issuer", "https://login.example/v2.0",
                "omega.oidc.client-id", "client", "omega.oidc.tenant-map", DIRECTORY + "=demo"));
        values.putAll(extra);
        return OidcSettings.from(new MapConfig(values));
    }

    static Map<String, Object> token(Object roles) {
        Map<String, Object> claims = new java.util.HashMap<>(Map.of("tid", DIRECTORY, "preferred_username", "ann@demo.example"));
        if (roles != null) {
            claims.put("roles", roles);
        }
        return claims;
    }

    @Test
    void theHighestMappedRoleOfAMappedDirectorySignsIn() throws Exception {
        OidcClaims.Identity who = OidcClaims.identity(settings(Map.of()), token(List.of("OMEGA.Technician", "OMEGA.Lead", "Else"))::get);
        assertEquals(new OidcClaims.Identity("demo", Role.LEAD, "ann@demo.example"), who);
    }

    @Test
    void withoutATenantMapTheClaimValueIsTheTenant() throws Exception {
        OidcClaims.Identity who = OidcClaims.identity(settings(Map.of("omega.oidc.tenant-map", "",
                "omega.oidc.tenant-claim", "org")), Map.<String, Object>of("org", "acme", "roles", List.of("OMEGA.Admin"),
                "email", "bo@acme.example")::get);
        assertEquals(new OidcClaims.Identity("acme", Role.ADMIN, "bo@acme.example"), who);
    }

    @Test
    void unmappedDirectoriesMissingRolesAndMissingEmailsAreRefused() {
        OidcSettings s = settings(Map.of());
        Map<String, Object> foreign = new java.util.HashMap<>(token(List.of("OMEGA.Admin")));
        foreign.put("tid", "another-directory");
        assertTrue(assertThrows(OidcClaims.Refused.class, () -> OidcClaims.identity(s, foreign::get)).getMessage()
                .contains("not mapped"));
        assertTrue(assertThrows(OidcClaims.Refused.class, () -> OidcClaims.identity(s, token(List.of("Else"))::get))
                .getMessage().contains("no OMEGA role"));
        assertTrue(assertThrows(OidcClaims.Refused.class, () -> OidcClaims.identity(s, token(null)::get))
                .getMessage().contains("no OMEGA role"));
        Map<String, Object> anonymous = Map.of("tid", DIRECTORY, "roles", List.of("OMEGA.Lead"), "preferred_username", "no-at-sign");
        assertTrue(assertThrows(OidcClaims.Refused.class, () -> OidcClaims.identity(s, anonymous::get)).getMessage()
                .contains("e-mail"));
    }

    @Test
    void aDefaultRoleCoversTokensWithoutRoles() throws Exception {
        assertEquals(Role.TECHNICIAN, OidcClaims.identity(settings(Map.of("omega.oidc.default-role", "technician")),
                token(null)::get).role());
    }

    @Test
    void settingsAreOffUntilIssuerAndClientAreSetAndMapsParse() {
        assertFalse(OidcSettings.from(new MapConfig(Map.of())).enabled());
        assertEquals(Map.of("a", "b", "c", "d"), OidcSettings.pairs(" a = b ; c=d ;; junk"));
        assertEquals("admin", settings(Map.of()).roleMap().get("OMEGA.Admin"));
    }

    @Test
    void thePkceChallengeIsTheRfc7636ExampleS256() {
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                OidcSignIn.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }
}
