package omega.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void isPbkdf2HmacSha256() {
        // RFC 7914 section 11: PBKDF2-HMAC-SHA256(P="passwd", S="salt", c=1), first 32 bytes
        String salt = HexFormat.of().formatHex("salt".getBytes());
        assertEquals("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc",
                PasswordHasher.hash(salt, "passwd", 1));
    }

    @Test
    void saltsDifferPerUserAndOnlyTheRightPasswordMatches() {
        String a = PasswordHasher.newSalt();
        String b = PasswordHasher.newSalt();
        assertNotEquals(a, b);
        assertNotEquals(PasswordHasher.hash(a, "correct horse", 1000), PasswordHasher.hash(b, "correct horse", 1000));
        String hash = PasswordHasher.hash(a, "correct horse", 1000);
        assertTrue(PasswordHasher.matches(a, hash, "correct horse", 1000));
        assertFalse(PasswordHasher.matches(a, hash, "correct horsE", 1000));
        assertFalse(PasswordHasher.matches(a, hash, "correct horse", 999));
    }

    @Test
    void theDefaultIterationCountIsHigh() {
        assertTrue(PasswordHasher.DEFAULT_ITERATIONS >= 600_000);
    }
}
