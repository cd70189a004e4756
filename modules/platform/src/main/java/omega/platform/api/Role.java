package omega.platform.api;

import java.util.Locale;
import java.util.Optional;

/** What a signed-in employee may do. Admins manage users; leads and technicians work tickets. */
public enum Role {
    TECHNICIAN, LEAD, ADMIN;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> of(String key) {
        if (key == null) {
            return Optional.empty();
        }
        for (Role r : values()) {
            if (r.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
