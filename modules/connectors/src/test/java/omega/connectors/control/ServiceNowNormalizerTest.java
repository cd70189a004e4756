package omega.connectors.control;

import static omega.connectors.control.Payloads.fromFile;
import static omega.connectors.control.Payloads.json;
import static omega.connectors.control.Payloads.millis;
import static omega.connectors.control.Payloads.normalize;
import static omega.connectors.control.Payloads.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import omega.connectors.api.NormalizationFailed;
import omega.platform.api.TicketNormalized;

class ServiceNowNormalizerTest {

    private final ServiceNowNormalizer normalizer = new ServiceNowNormalizer();

    @Test
    void tableApiListGivesOneTicketPerRecordWithReferenceValues() {
        List<TicketNormalized> tickets = normalize(normalizer, Payloads.read(normalizer.platform(), "incident-list.json"));

        assertEquals(2, tickets.size());
        TicketNormalized t = tickets.get(0);
        assertEquals("servicenow", t.source());
        assertEquals("9d385017c611228701d22104cc95c371", t.externalId());
        assertEquals("INC0012001", t.number());
        assertEquals("Outlook crashes when opening attachments", t.title());
        assertEquals("Every PDF attachment makes Outlook close.", t.body(), "mobile footer trimmed");
        assertEquals("a1b2c3d4e5f60718293a4b5c6d7e8f90", t.requester());
        assertEquals("c0ffee00c0ffee00c0ffee00c0ffee00", t.client());
        assertEquals("P2", t.priority());
        assertEquals("2", t.sourcePriority());
        assertEquals("OPEN", t.status());
        assertEquals("2", t.sourceStatus());
        assertEquals("software", t.category());
        assertEquals("email", t.labels().get("subcategory"));
        assertEquals("8a5055c9c61122780043563ef53438e3", t.labels().get("queue"));
        assertFalse(t.labels().containsKey("assignee"), "empty assigned_to gives no label");
        assertEquals("2026-02-10T07:58:12Z", t.createdAt());
        assertEquals("2026-02-10T08:20:45Z", t.updatedAt());
        assertEquals("2026-02-10T15:58:00Z", t.slaDueAt());
        assertEquals(millis("2026-02-10T08:20:45Z"), t.version());
    }

    @Test
    void displayValueAllRecordsUseDisplayTextForLabelsAndValuesForCodes() {
        TicketNormalized t = normalize(normalizer, Payloads.read(normalizer.platform(), "incident-list.json")).get(1);

        assertEquals("46d44a5dc0a8010e0000ba9c4b8f1c7c", t.externalId());
        assertEquals("Ana Costa", t.requester());
        assertEquals("Costa Logistics", t.client());
        assertEquals("P1", t.priority());
        assertEquals("1", t.sourcePriority());
        assertEquals("PENDING", t.status());
        assertEquals("3", t.sourceStatus());
        assertEquals("Network", t.category());
        assertEquals("Network Operations", t.labels().get("queue"));
        assertEquals("Ravi Patel", t.labels().get("assignee"));
        assertEquals(millis("2026-02-11T10:45:00Z"), t.version());
    }

    @Test
    void singleRecordGetWithEmptyDescriptionAndClosedState() {
        TicketNormalized t = fromFile(normalizer, "incident-get.json");

        assertEquals("INC0012003", t.number());
        assertEquals("", t.body());
        assertEquals("CLOSED", t.status());
        assertEquals("P4", t.priority());
        assertNull(t.slaDueAt());
        assertFalse(t.labels().containsKey("queue"));
    }

    @ParameterizedTest
    @CsvSource({"1,NEW", "2,OPEN", "3,PENDING", "6,RESOLVED", "7,CLOSED", "8,CLOSED"})
    void incidentStatesMapToCanonicalStatuses(String state, String canonical) {
        TicketNormalized t = single(normalizer, record("\"state\": \"" + state + "\""));

        assertEquals(canonical, t.status());
        assertEquals(state, t.sourceStatus());
    }

    @ParameterizedTest
    @CsvSource({"1,P1", "2,P2", "3,P3", "4,P4", "5,P5", "'1 - Critical',P1", "'5 - Planning',P5"})
    void prioritiesOneToFiveMapToPOneToPFive(String priority, String canonical) {
        assertEquals(canonical, single(normalizer, record("\"priority\": \"" + priority + "\"")).priority());
    }

    @Test
    void displayValueTrueStatesAreMappedByName() {
        TicketNormalized t = single(normalizer, record("\"state\": \"Resolved\", \"sys_class_name\": \"Incident\""));

        assertEquals("RESOLVED", t.status());
    }

    @Test
    void jsonNullsAreAbsentValues() {
        TicketNormalized t = single(normalizer, record("\"description\": null, \"priority\": null, \"state\": null, "
                + "\"assignment_group\": null, \"caller_id\": {\"link\": null, \"value\": null}, \"sys_updated_on\": null"));

        assertEquals("", t.body());
        assertNull(t.priority());
        assertNull(t.sourcePriority());
        assertNull(t.status());
        assertNull(t.requester());
        assertEquals(0L, t.version(), "no time at all");
    }

    @Test
    void otherTaskTablesDoNotUseIncidentStateCodes() {
        TicketNormalized t = single(normalizer, record("\"state\": \"3\", \"sys_class_name\": \"sc_req_item\""));

        assertNull(t.status(), "3 is Closed Complete on task, On Hold on incident: unknown stays null");
        assertEquals("3", t.sourceStatus());
    }

    @Test
    void htmlDescriptionAndUnicodeAndLargeBodies() {
        String big = Payloads.largeText(1 << 20);
        TicketNormalized html = single(normalizer, record("\"description\": \"<p>Fehler beim Öffnen &amp; Speichern</p>\""));
        TicketNormalized large = single(normalizer, record("\"description\": " + json(big)));

        assertEquals("Fehler beim Öffnen & Speichern", html.body());
        assertEquals(big.strip(), large.body());
    }

    @Test
    void missingSysIdAndMissingResultAreRefusedNamingTheField() {
        NormalizationFailed noId = assertThrows(NormalizationFailed.class,
                () -> single(normalizer, "{\"result\": [{\"short_description\": \"x\"}]}"));
        NormalizationFailed noResult = assertThrows(NormalizationFailed.class,
                () -> single(normalizer, "{\"error\": {\"message\": \"No Record found\"}, \"status\": \"failure\"}"));

        assertEquals(NormalizationFailed.MISSING_FIELD, noId.reason());
        assertTrue(noId.getMessage().contains("'result[0].sys_id'"), noId.getMessage());
        assertEquals(NormalizationFailed.MISSING_FIELD, noResult.reason());
        assertTrue(noResult.getMessage().contains("'result'"), noResult.getMessage());
    }

    @Test
    void noShortDescriptionAndNoDescriptionIsRefused() {
        NormalizationFailed e = assertThrows(NormalizationFailed.class,
                () -> single(normalizer, "{\"sys_id\": \"abc\", \"short_description\": \"\", \"description\": \"\"}"));

        assertTrue(e.getMessage().contains("'short_description'"), e.getMessage());
    }

    @Test
    void anEmptyResultPageGivesNoTickets() {
        assertEquals(List.of(), normalize(normalizer, "{\"result\": []}"));
    }

    @Test
    void closeNotesBecomeTheResolutionAndAnOpenIncidentHasNone() {
        TicketNormalized closed = single(normalizer, record(
                "\"state\": \"6\", \"close_code\": \"Solved (Permanently)\", "
                        + "\"close_notes\": \"<p>Replaced the <b>toner</b> cartridge.</p>\""));
        TicketNormalized open = single(normalizer, record("\"state\": \"2\", \"close_notes\": \"  \""));

        assertEquals("Replaced the toner cartridge.", closed.resolution());
        assertNull(open.resolution());
    }

    private static String record(String extra) {
        return "{\"result\": {\"sys_id\": \"0123\", \"number\": \"INC1\", \"short_description\": \"t\", " + extra + "}}";
    }
}
