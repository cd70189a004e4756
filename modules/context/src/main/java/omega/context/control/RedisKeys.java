package omega.context.control;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import omega.context.api.WorkingKey;
import omega.context.api.WorkingScope;

/**
 * Redis key of a working-memory entry: {@code <prefix><tenant>:<scope>:<owner>:<slot>}, each part
 * percent-encoded except {@code [A-Za-z0-9._-]}, so no id can fake a separator (reach another tenant's keys)
 * or a glob character in a SCAN pattern.
 */
final class RedisKeys {

    private final String prefix;

    RedisKeys(String prefix) {
        this.prefix = prefix;
    }

    String of(WorkingKey key) {
        return owner(key.tenantId(), key.scope(), key.ownerId()) + encode(key.slot());
    }

    /** @return the SCAN pattern matching every slot of one owner */
    String ownerPattern(String tenantId, WorkingScope scope, String ownerId) {
        return owner(tenantId, scope, ownerId) + "*";
    }

    private String owner(String tenantId, WorkingScope scope, String ownerId) {
        return prefix + encode(tenantId) + ":" + scope.name().toLowerCase(Locale.ROOT) + ":" + encode(ownerId) + ":";
    }

    static String encode(String part) {
        StringBuilder encoded = new StringBuilder(part.length());
        for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
                    || c == '-') {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
