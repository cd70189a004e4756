package omega.context.control;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The folder of one tenant under a base folder. A plain tenant id is used as it is; any other (dots, slashes,
 * odd characters) becomes a hash, so no tenant id can reach outside the base folder or into another's.
 */
final class TenantFolder {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private TenantFolder() {
    }

    static Path of(Path base, String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("tenant id is blank");
        }
        String name = PLAIN.matcher(tenantId).matches() ? "t_" + tenantId : "h_" + sha256(tenantId);
        return base.resolve(name);
    }

    private static String sha256(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
