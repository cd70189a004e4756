package omega.platform.control;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import omega.platform.api.Role;

/**
 * Who a verified ID token says the employee is, by the configured claims: the OMEGA tenant (the tenant claim's
 * value through {@code tenant-map}; without a map the value itself), the role (the highest mapped value of the role
 * claim, else {@code default-role}) and the e-mail (the first present of {@code email-claims}).
 */
public final class OidcClaims {

    public record Identity(String tenantId, Role role, String email) {
    }

    /** Why an otherwise valid token does not sign anybody in. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        public Refused(String reason) {
            super(reason);
        }
    }

    private OidcClaims() {
    }

    /** @param claim claim name → its value (a String, or a collection of Strings) */
    public static Identity identity(OidcSettings s, java.util.function.Function<String, Object> claim) throws Refused {
        Object tenantValue = claim.apply(s.tenantClaim());
        if (!(tenantValue instanceof String t) || t.isBlank()) {
            throw new Refused("the token has no '" + s.tenantClaim() + "' claim");
        }
        String tenant = s.tenantMap().isEmpty() ? t : s.tenantMap().get(t);
        if (tenant == null) {
            throw new Refused("the directory " + t + " is not mapped to an OMEGA organisation (omega.oidc.tenant-map)");
        }
        Object roles = claim.apply(s.roleClaim());
        Collection<?> values = roles instanceof Collection<?> c ? c : roles == null ? List.of() : List.of(roles);
        Optional<Role> role = values.stream().map(v -> s.roleMap().get(String.valueOf(v))).map(Role::of)
                .flatMap(Optional::stream).max(Enum::compareTo);
        if (role.isEmpty()) {
            role = Role.of(s.defaultRole());
        }
        if (role.isEmpty()) {
            throw new Refused("no OMEGA role is assigned (claim '" + s.roleClaim() + "': " + values + ")");
        }
        for (String name : s.emailClaims()) {
            if (claim.apply(name) instanceof String email && email.contains("@")) {
                return new Identity(tenant, role.get(), email);
            }
        }
        throw new Refused("the token carries no e-mail address (" + String.join(", ", s.emailClaims()) + ")");
    }
}
