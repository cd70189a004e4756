package omega.connectors.control;

import static omega.connectors.control.Payloads.fromFile;
import static omega.connectors.control.Payloads.json;
import static omega.connectors.control.Payloads.millis;
import static omega.connectors.control.Payloads.normalize;
import static omega.connectors.control.Payloads.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import omega.connectors.api.NormalizationFailed;
import omega.platform.api.TicketNormalized;

class KaseyaBmsNormalizerTest {

    private final KaseyaBmsNormalizer normalizer = new KaseyaBmsNormalizer();

    @Test
    void camelCasePageMapsEveryCanonicalField() {
        List<TicketNormalized> tickets = normalize(normalizer, Payloads.read(normalizer.platform(), "tickets-page.json"));

        assertEquals(2, tickets.size());
        TicketNormalized t = tickets.get(0);
        assertEquals("kaseya-bms", t.source());
        assertEquals("1201", t.externalId());
        assertEquals("T20260301.0007", t.number());
        assertEquals("Server room temperature alarm", t.title());
        assertEquals("Temperature sensor reports 31 °C.", t.body());
        assertEquals("Jörg Weiß", t.requester());
        assertEquals("Nordlicht GmbH", t.client());
        assertEquals("P1", t.priority());
        assertEquals("Critical", t.sourcePriority());
        assertEquals("OPEN", t.status());
        assertEquals("In Progress", t.sourceStatus());
        assertEquals(Map.of("category", "Hardware", "subcategory", "Environment", "queue", "NOC",
                "assignee", "Eva Tech", "type", "Alert", "priority", "P1"), t.labels());
        assertEquals("2026-03-01T06:00:04Z", t.createdAt(), "times without offset are UTC");
        assertEquals("2026-03-01T06:20:00Z", t.updatedAt());
        assertEquals("2026-03-01T08:00:00Z", t.slaDueAt());
        assertEquals(millis("2026-03-01T06:20:00Z"), t.version());
    }

    @Test
    void nullsAndMissingFieldsLeaveCanonicalFieldsEmpty() {
        TicketNormalized t = normalize(normalizer, Payloads.read(normalizer.platform(), "tickets-page.json")).get(1);

        assertEquals("", t.body());
        assertNull(t.requester());
        assertNull(t.updatedAt());
        assertEquals(millis("2026-03-01T07:00:00Z"), t.version(), "no update time: version is createdAt");
        assertEquals("PENDING", t.status());
        assertEquals("P4", t.priority());
        assertNull(t.slaDueAt());
    }

    @Test
    void pascalCaseSingleResultIsReadTheSame() {
        TicketNormalized t = fromFile(normalizer, "ticket-pascal.json");

        assertEquals("1203", t.externalId());
        assertEquals("T20260302.0001", t.number());
        assertEquals("Laptop battery swollen", t.title());
        assertEquals("Battery bulges, keyboard lifts.", t.body());
        assertEquals("Dr. Amal Said", t.requester());
        assertEquals("Harbor Clinic", t.client());
        assertEquals("P2", t.priority());
        assertEquals("RESOLVED", t.status());
        assertEquals("Field Service", t.labels().get("queue"));
        assertEquals(millis("2026-03-02T15:00:00Z"), t.version());
    }

    @Test
    void unknownStatusNameWithACompletedDateIsResolved() {
        TicketNormalized t = single(normalizer,
                "{\"id\": 5, \"title\": \"t\", \"statusName\": \"Billing Review\", \"completedDate\": \"2026-03-02\"}");

        assertEquals("RESOLVED", t.status());
        assertEquals("Billing Review", t.sourceStatus());
    }

    @Test
    void bareTicketWithUnicodeAndALargeHtmlBody() {
        String big = "<div>" + Payloads.largeText(1 << 20).replace("\n", "<br>") + "</div>";
        TicketNormalized t = single(normalizer, "{\"Id\": 9, \"Title\": \"Кассовый аппарат не печатает 🧾\", \"Details\": "
                + json(big) + "}");

        assertEquals("Кассовый аппарат не печатает 🧾", t.title());
        assertTrue(t.body().startsWith("Log line 0: disk C: at 97% on FS-01, müssen wir prüfen.\nLog line 1:"));
        assertTrue(t.body().length() > 1_000_000);
    }

    @Test
    void missingIdAndMissingTitleAndDetailsAreRefused() {
        NormalizationFailed noId = assertThrows(NormalizationFailed.class,
                () -> single(normalizer, "{\"result\": [{\"title\": \"t\"}], \"totalRecords\": 1}"));
        NormalizationFailed noText = assertThrows(NormalizationFailed.class,
                () -> single(normalizer, "{\"id\": 3, \"title\": null, \"details\": \"   \"}"));

        assertEquals(NormalizationFailed.MISSING_FIELD, noId.reason());
        assertTrue(noId.getMessage().contains("'result[0].id'"), noId.getMessage());
        assertEquals(NormalizationFailed.MISSING_FIELD, noText.reason());
        assertTrue(noText.getMessage().contains("'title'") && noText.getMessage().contains("'details'"), noText.getMessage());
    }

    @Test
    void anEmptyPageGivesNoTicketsAndAScalarIsRefused() {
        assertEquals(List.of(), normalize(normalizer, "{\"result\": [], \"totalRecords\": 0}"));
        assertEquals(NormalizationFailed.UNSUPPORTED_EVENT,
                assertThrows(NormalizationFailed.class, () -> single(normalizer, "42")).reason());
    }
}
