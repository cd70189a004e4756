package omega.connectors.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class SecretBoxTest {

    static final byte[] KEY = new byte[32];
    static final byte[] OTHER = new byte[32];

    static {
        Arrays.fill(KEY, (byte) 7);
        Arrays.fill(OTHER, (byte) 9);
    }

    private final SecretBox box = new SecretBox(KEY);

    @Test
    void aSealedSecretOpensOnlyForItsPlaceAndHidesThePlainText() {
        String sealed = box.seal("zd-sïgning-secret ✓", "connectors_connection:c1:signing_secret");
        assertTrue(sealed.startsWith("v1:" + box.keyId() + ":"), sealed);
        assertFalse(sealed.contains("secret"), sealed);
        assertEquals("zd-sïgning-secret ✓", box.open(sealed, "connectors_connection:c1:signing_secret"));
        assertThrows(SecretBox.SecretUnreadable.class, () -> box.open(sealed, "connectors_connection:c2:signing_secret"),
                "copied to another row it does not open");
        assertThrows(SecretBox.SecretUnreadable.class, () -> box.open(sealed, "connectors_connection:c1:secret"),
                "nor in another column");
    }

    @Test
    void everySealUsesAFreshIv() {
        assertNotEquals(box.seal("same", "ctx"), box.seal("same", "ctx"));
        assertNull(box.seal(null, "ctx"));
        assertNull(box.open(null, "ctx"));
    }

    @Test
    void anAlteredValueOrAnotherKeyIsRefusedClearly() {
        String sealed = box.seal("secret", "ctx");
        String[] parts = sealed.split(":");
        byte[] data = Base64.getUrlDecoder().decode(parts[2]);
        data[data.length - 1] ^= 1;
        String altered = parts[0] + ":" + parts[1] + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(data);
        assertThrows(SecretBox.SecretUnreadable.class, () -> box.open(altered, "ctx"));
        SecretBox other = new SecretBox(OTHER);
        SecretBox.SecretUnreadable wrongKey = assertThrows(SecretBox.SecretUnreadable.class, () -> other.open(sealed, "ctx"));
        assertTrue(wrongKey.getMessage().contains(box.keyId()) && wrongKey.getMessage().contains(other.keyId()),
                wrongKey.getMessage());
        assertThrows(SecretBox.SecretUnreadable.class, () -> box.open("plain-text-secret", "ctx"));
        assertThrows(SecretBox.SecretUnreadable.class, () -> box.open("v1:" + box.keyId() + ":AAAA", "ctx"));
    }

    @Test
    void onlyA256BitKeyIsAccepted() {
        assertThrows(IllegalArgumentException.class, () -> new SecretBox(new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> new SecretBox(null));
    }

    @Test
    void theLongestAllowedSecretsFitTheirColumns() {
        // Connections allows 512 / 900 / 255 characters (UTF-16 units: at most 3 UTF-8 bytes each, as '€');
        // the columns hold 4000 (migration 2)
        String context = ConnectionSecrets.context("0f8fad5b-d9cb-469f-a165-70867728950e", "signing_secret");
        assertTrue(box.seal("€".repeat(512), context).length() <= 4000);
        assertTrue(box.seal("€".repeat(900), context).length() <= 4000);
        assertTrue(box.seal("€".repeat(255), context).length() <= 4000);
    }
}
