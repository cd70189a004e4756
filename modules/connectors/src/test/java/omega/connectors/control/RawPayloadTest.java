package omega.connectors.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import omega.connectors.api.PsaPlatform;

class RawPayloadTest {

    @Test
    void headersAreCopiedWithoutNullsAndFoundIgnoringCase() {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Null", null);
        RawPayload raw = new RawPayload(PsaPlatform.ZENDESK, "t", "r", null, "{}", headers, null);
        headers.put("Late", "ignored");

        assertEquals("application/json", raw.header("content-type"));
        assertNull(raw.header("X-Null"));
        assertNull(raw.header("Late"));
        assertNotNull(raw.receivedAt());
    }

    @Test
    void xmlIsRecognisedByTheBodyFirstAndTheContentTypeForEmptyBodies() {
        assertTrue(new RawPayload(PsaPlatform.SALESFORCE, "t", "r", "application/json", "\uFEFF  <soap/>", null, null).looksLikeXml());
        assertFalse(new RawPayload(PsaPlatform.SALESFORCE, "t", "r", "text/xml", " {\"Id\": 1}", null, null).looksLikeXml());
        assertTrue(new RawPayload(PsaPlatform.SALESFORCE, "t", "r", "text/xml", "", null, null).looksLikeXml());
        assertFalse(new RawPayload(PsaPlatform.SALESFORCE, "t", "r", null, null, null, null).looksLikeXml());
    }

    @Test
    void platformAndTenantAreRequired() {
        assertThrows(NullPointerException.class, () -> new RawPayload(null, "t", "r", null, "{}", null, null));
        assertThrows(NullPointerException.class, () -> new RawPayload(PsaPlatform.AUTOTASK, null, "r", null, "{}", null, null));
    }
}
