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
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import omega.connectors.api.NormalizationFailed;
import omega.platform.api.TicketNormalized;

class AutotaskNormalizerTest {

    private final AutotaskNormalizer normalizer = new AutotaskNormalizer();

    @Test
    void queryPageMapsPicklistsAndTheLatestActivityTime() {
        List<TicketNormalized> tickets = normalize(normalizer, Payloads.read(normalizer.platform(), "tickets-query.json"));

        assertEquals(2, tickets.size());
        TicketNormalized t = tickets.get(0);
        assertEquals("autotask", t.source());
        assertEquals("51001", t.externalId());
        assertEquals("T20260305.0011", t.number());
        assertEquals("Wi-Fi slow in meeting room", t.title());
        assertEquals("Speed test shows 2 Mbit/s in room B.", t.body());
        assertEquals("30690001", t.requester());
        assertEquals("700", t.client());
        assertEquals("P1", t.priority());
        assertEquals("4", t.sourcePriority());
        assertEquals("OPEN", t.status());
        assertEquals("8", t.sourceStatus());
        assertEquals("11", t.category());
        assertEquals(Map.of("category", "11", "subcategory", "204", "queue", "29683354", "assignee", "29682901",
                "type", "1", "priority", "P1"), t.labels());
        assertEquals("2026-03-05T08:00:00.123Z", t.createdAt());
        assertEquals("2026-03-05T09:30:00.500Z", t.updatedAt());
        assertEquals("2026-03-06T08:00:00Z", t.slaDueAt(), "dueDateTime when no resolvedDueDateTime");
        assertEquals(millis("2026-03-05T09:30:00.5Z"), t.version());
    }

    @Test
    void secondItemHasNullsAndAResolutionDueTime() {
        TicketNormalized t = normalize(normalizer, Payloads.read(normalizer.platform(), "tickets-query.json")).get(1);

        assertEquals("RESOLVED", t.status());
        assertEquals("P4", t.priority());
        assertNull(t.requester());
        assertEquals("", t.body());
        assertFalse(t.labels().containsKey("assignee"));
        assertEquals("2026-03-07T10:00:00Z", t.slaDueAt());
        assertEquals(millis("2026-03-05T10:30:00Z"), t.version());
    }

    @Test
    void webhookCalloutWithPascalCaseFieldsUsesIdAndEventTime() {
        TicketNormalized t = fromFile(normalizer, "webhook-update.json");

        assertEquals("51003", t.externalId());
        assertEquals("T20260305.0013", t.number());
        assertEquals("Accounting app license expired", t.title());
        assertEquals("PENDING", t.status());
        assertEquals("P2", t.priority());
        assertEquals("29683354", t.labels().get("queue"));
        assertEquals("2026-03-05T11:45:30.123456700Z", t.updatedAt());
        assertEquals(millis("2026-03-05T11:45:30.123Z"), t.version());
    }

    @ParameterizedTest
    @CsvSource({"1,NEW", "5,RESOLVED", "7,PENDING", "8,OPEN", "9,PENDING", "10,OPEN", "11,OPEN", "12,PENDING", "13,PENDING"})
    void defaultStatusPicklistMapsToCanonicalStatuses(String status, String canonical) {
        assertEquals(canonical, single(normalizer, "{\"item\": {\"id\": 1, \"title\": \"t\", \"status\": " + status + "}}").status());
    }

    @ParameterizedTest
    @CsvSource({"4,P1", "1,P2", "2,P3", "3,P4"})
    void defaultPriorityPicklistMapsToCanonicalPriorities(String priority, String canonical) {
        assertEquals(canonical, single(normalizer, "{\"item\": {\"id\": 1, \"title\": \"t\", \"priority\": " + priority + "}}").priority());
    }

    @Test
    void tenantSpecificPicklistValuesKeepTheSourceValueOnly() {
        TicketNormalized t = single(normalizer, "{\"id\": 1, \"title\": \"t\", \"status\": 29, \"priority\": 6}");

        assertNull(t.status());
        assertEquals("29", t.sourceStatus());
        assertNull(t.priority());
        assertEquals("6", t.sourcePriority());
    }

    @Test
    void deleteCalloutsAndOtherEntitiesAreUnsupported() {
        NormalizationFailed delete = assertThrows(NormalizationFailed.class, () -> single(normalizer,
                "{\"Action\": \"Delete\", \"EntityType\": \"Ticket\", \"Id\": 4, \"Fields\": {}}"));
        NormalizationFailed company = assertThrows(NormalizationFailed.class, () -> single(normalizer,
                "{\"Action\": \"Create\", \"EntityType\": \"Company\", \"Id\": 4, \"Fields\": {\"companyName\": \"x\"}}"));

        assertEquals(NormalizationFailed.UNSUPPORTED_EVENT, delete.reason());
        assertEquals(NormalizationFailed.UNSUPPORTED_EVENT, company.reason());
    }

    @Test
    void calloutWithoutTitleOrDescriptionFieldsSaysWhatToSubscribe() {
        NormalizationFailed e = assertThrows(NormalizationFailed.class, () -> single(normalizer,
                "{\"Action\": \"Update\", \"EntityType\": \"Ticket\", \"Id\": 4, \"Fields\": {\"Status\": 5}}"));

        assertEquals(NormalizationFailed.MISSING_FIELD, e.reason());
        assertTrue(e.getMessage().contains("'Fields.title'") && e.getMessage().contains("'Fields.description'"),
                e.getMessage());
    }

    @Test
    void htmlUnicodeAndALargeDescription() {
        String big = Payloads.largeText(1 << 20);
        TicketNormalized html = single(normalizer, "{\"id\": 2, \"title\": \"Ошибка 🔥\", "
                + "\"description\": \"<ul><li>first</li><li>second</li></ul>\"}");
        TicketNormalized large = single(normalizer, "{\"id\": 3, \"title\": \"big\", \"description\": " + json(big) + "}");

        assertEquals("Ошибка 🔥", html.title());
        assertEquals("- first\n- second", html.body());
        assertEquals(big.strip(), large.body());
    }

    @Test
    void missingIdIsRefusedWithItsLocationInThePage() {
        NormalizationFailed e = assertThrows(NormalizationFailed.class, () -> single(normalizer,
                "{\"items\": [{\"id\": 1, \"title\": \"ok\"}, {\"title\": \"no id\"}], \"pageDetails\": {}}"));

        assertEquals(NormalizationFailed.MISSING_FIELD, e.reason());
        assertTrue(e.getMessage().contains("'items[1].id'"), e.getMessage());
    }

    @Test
    void resolutionTextIsKeptAndAnEmptyOneIsNoResolution() {
        TicketNormalized resolved = single(normalizer,
                "{\"item\": {\"id\": 7, \"title\": \"t\", \"status\": 5, \"resolution\": \"Reset the VPN profile.\"}}");
        TicketNormalized open = single(normalizer, "{\"item\": {\"id\": 8, \"title\": \"t\", \"resolution\": \"\"}}");

        assertEquals("Reset the VPN profile.", resolved.resolution());
        assertNull(open.resolution());
    }
}
