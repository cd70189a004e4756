package omega.connectors.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import omega.connectors.control.AutotaskSignature.Verdict;

class AutotaskSignatureTest {

    private static final String KEY = "at-Secret-Key-0123456789";
    private static final String BODY = "{\"Action\":\"Update\",\"Guid\":\"6c1f3b0e\",\"EntityType\":\"Ticket\",\"Id\":51003,"
            + "\"Fields\":{\"title\":\"Ünïcode ✓\"}}";
    /** computed independently: printf '%s' "$BODY" | openssl dgst -sha1 -hmac "$KEY" -binary | base64 */
    private static final String OPENSSL = "sha1=ZqAKGZ8vDGglljGtsrV6vXxLA54=";

    @Test
    void theSignatureIsSha1PrefixAndBase64HmacSha1OfTheBody() {
        assertEquals(OPENSSL, AutotaskSignature.sign(KEY, BODY));
        assertEquals(Verdict.VALID, AutotaskSignature.verify(KEY, BODY, OPENSSL));
        assertEquals(Verdict.VALID, AutotaskSignature.verify(KEY, BODY, "  SHA1=ZqAKGZ8vDGglljGtsrV6vXxLA54= "));
    }

    @Test
    void aChangedBodyKeyOrMalformedHeaderIsRefused() {
        assertEquals(Verdict.BAD_SIGNATURE, AutotaskSignature.verify(KEY, BODY.replace("51003", "51004"), OPENSSL));
        assertEquals(Verdict.BAD_SIGNATURE, AutotaskSignature.verify("another-key-0123456789", BODY, OPENSSL));
        assertEquals(Verdict.BAD_SIGNATURE, AutotaskSignature.verify(KEY, BODY, "ZqAKGZ8vDGglljGtsrV6vXxLA54="));
        assertEquals(Verdict.BAD_SIGNATURE, AutotaskSignature.verify(KEY, BODY, "sha256=ZqAKGZ8vDGglljGtsrV6vXxLA54="));
        assertEquals(Verdict.BAD_SIGNATURE, AutotaskSignature.verify(KEY, BODY, "sha1="));
        assertEquals(Verdict.BAD_SIGNATURE, AutotaskSignature.verify(KEY, BODY, "sha1=ZqAKGZ8vDGglljGtsrV6vXxLA54"));
    }

    @Test
    void aMissingHeaderOrKeyIsRefused() {
        assertEquals(Verdict.MISSING_HEADER, AutotaskSignature.verify(KEY, BODY, null));
        assertEquals(Verdict.MISSING_HEADER, AutotaskSignature.verify(KEY, BODY, " "));
        assertEquals(Verdict.MISSING_HEADER, AutotaskSignature.verify(null, BODY, OPENSSL));
        assertEquals(Verdict.MISSING_HEADER, AutotaskSignature.verify("", BODY, OPENSSL));
    }
}
