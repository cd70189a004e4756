package omega.connectors.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import omega.platform.api.ProblemException;

class NormalizationFailedTest {

    @Test
    void reasonIsTheProblemTypeAndDecidesTheHttpStatus() {
        assertEquals(400, new NormalizationFailed(PsaPlatform.ZENDESK, NormalizationFailed.MALFORMED_JSON, "x").status());
        assertEquals(400, new NormalizationFailed(PsaPlatform.ZENDESK, NormalizationFailed.MISSING_FIELD, "x").status());
        assertEquals(422, new NormalizationFailed(PsaPlatform.ZENDESK, NormalizationFailed.UNSUPPORTED_EVENT, "x").status());
        assertEquals(403, new NormalizationFailed(PsaPlatform.ZENDESK, NormalizationFailed.ORGANIZATION_MISMATCH, "x").status());
    }

    @Test
    void missingFieldNamesPlatformAndFieldForProblemJson() {
        ProblemException e = NormalizationFailed.missingField(PsaPlatform.SERVICENOW, "sys_id", "the record id");

        assertEquals("missing-field", e.type());
        assertEquals("servicenow: missing field 'sys_id' (the record id)", e.detail());
        assertEquals("The servicenow payload cannot be normalized", e.title());
        assertEquals(Map.of("sys_id", "is required"), e.errors());
        assertEquals(PsaPlatform.SERVICENOW, ((NormalizationFailed) e).platform());
    }
}
