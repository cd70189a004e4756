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

import java.util.Map;

import org.junit.jupiter.api.Test;

import omega.connectors.api.NormalizationFailed;
import omega.platform.api.TicketNormalized;

class ConnectWiseNormalizerTest {

    private final ConnectWiseNormalizer normalizer = new ConnectWiseNormalizer();

    @Test
    void serviceTicketMapsReferencesAndInfoTimes() {
        TicketNormalized t = fromFile(normalizer, "ticket.json");

        assertEquals("connectwise", t.source());
        assertEquals("88123", t.externalId());
        assertEquals("88123", t.number());
        assertEquals("Email to external domains bounces", t.title());
        assertEquals("Hi team,\n\nall mails to gmail.com bounce with 550.\n\nRegards, Ann", t.body());
        assertEquals("ann@acme-dental.example", t.requester());
        assertEquals("Acme Dental", t.client());
        assertEquals("P2", t.priority());
        assertEquals("Priority 2 - Quick Response", t.sourcePriority());
        assertEquals("OPEN", t.status());
        assertEquals("In Progress", t.sourceStatus());
        assertEquals("Email", t.category());
        assertEquals(Map.of("category", "Email", "subcategory", "Delivery", "item", "Exchange Online",
                "queue", "Help Desk", "team", "Tier 2", "assignee", "jdoe", "priority", "P2"), t.labels());
        assertEquals("2026-03-04T09:00:00Z", t.createdAt());
        assertEquals("2026-03-04T10:11:12Z", t.updatedAt());
        assertEquals("2026-03-05T17:00:00Z", t.slaDueAt());
        assertEquals(millis("2026-03-04T10:11:12Z"), t.version());
    }

    @Test
    void callbackCarriesTheTicketAsAJsonStringInEntity() {
        TicketNormalized t = fromFile(normalizer, "callback-updated.json");

        assertEquals("88124", t.externalId());
        assertEquals("Printer jam in reception", t.title());
        assertEquals("front@harbor.example", t.requester());
        assertEquals("Harbor Clinic", t.client());
        assertEquals("CLOSED", t.status(), "closedFlag");
        assertEquals(">Closed", t.sourceStatus());
        assertEquals("P3", t.priority());
        assertEquals(millis("2026-03-04T12:00:00Z"), t.version());
    }

    @Test
    void deletedAndNonTicketCallbacksAreUnsupported() {
        NormalizationFailed deleted = assertThrows(NormalizationFailed.class, () -> single(normalizer,
                "{\"Action\": \"deleted\", \"Type\": \"ticket\", \"ID\": 5, \"Entity\": null}"));
        NormalizationFailed company = assertThrows(NormalizationFailed.class, () -> single(normalizer,
                "{\"Action\": \"added\", \"Type\": \"company\", \"ID\": 5, \"Entity\": \"{}\"}"));

        assertEquals(NormalizationFailed.UNSUPPORTED_EVENT, deleted.reason());
        assertEquals(NormalizationFailed.UNSUPPORTED_EVENT, company.reason());
    }

    @Test
    void callbackWithoutEntityOrWithBrokenEntityJsonIsRefused() {
        NormalizationFailed missing = assertThrows(NormalizationFailed.class, () -> single(normalizer,
                "{\"Action\": \"added\", \"Type\": \"ticket\", \"ID\": 5, \"Entity\": \"\"}"));
        NormalizationFailed broken = assertThrows(NormalizationFailed.class, () -> single(normalizer,
                "{\"Action\": \"added\", \"Type\": \"ticket\", \"ID\": 5, \"Entity\": \"{\\\"id\\\": 5,\"}"));

        assertEquals(NormalizationFailed.MISSING_FIELD, missing.reason());
        assertTrue(missing.getMessage().contains("'Entity'"));
        assertEquals(NormalizationFailed.MALFORMED_JSON, broken.reason());
        assertTrue(broken.getMessage().contains("'Entity'"));
    }

    @Test
    void entityAsAnObjectIsAcceptedToo() {
        TicketNormalized t = single(normalizer, "{\"Action\": \"added\", \"Type\": \"ticket\", \"ID\": 6, "
                + "\"Entity\": {\"id\": 6, \"summary\": \"Fan noise\", \"status\": {\"id\": 1, \"name\": \"New\"}}}");

        assertEquals("6", t.externalId());
        assertEquals("NEW", t.status());
    }

    @Test
    void callbackKeysAreMatchedIgnoringCase() {
        TicketNormalized t = single(normalizer, "{\"action\": \"added\", \"type\": \"Ticket\", \"id\": 8, "
                + "\"entity\": \"{\\\"id\\\": 8, \\\"summary\\\": \\\"Keyboard dead\\\"}\"}");

        assertEquals("8", t.externalId());
        assertEquals("Keyboard dead", t.title());
    }

    @Test
    void plainStringReferencesNullsAndUnknownFields() {
        TicketNormalized t = single(normalizer, "{\"id\": 7, \"summary\": \"Monitor flickers\", \"company\": "
                + "{\"id\": 3, \"identifier\": \"OnlyIdent\"}, \"status\": \"Waiting on client\", \"priority\": null, "
                + "\"owner\": null, \"resources\": \"akim\", \"dateEntered\": \"2026-03-01T10:00:00Z\", "
                + "\"futureThing\": {\"deep\": [true]}}");

        assertEquals("OnlyIdent", t.client());
        assertEquals("PENDING", t.status());
        assertNull(t.priority());
        assertEquals("akim", t.labels().get("assignee"));
        assertEquals("2026-03-01T10:00:00Z", t.createdAt());
        assertEquals(millis("2026-03-01T10:00:00Z"), t.version());
    }

    @Test
    void arraysUnicodeAndLargeDescriptions() {
        String big = Payloads.largeText(1 << 20);
        var tickets = normalize(normalizer, "[{\"id\": 1, \"summary\": \"Ηλεκτρονικό ταχυδρομείο ✉️\"}, "
                + "{\"id\": 2, \"summary\": \"big\", \"initialDescription\": " + json(big) + "}]");

        assertEquals(2, tickets.size());
        assertEquals("Ηλεκτρονικό ταχυδρομείο ✉️", tickets.get(0).title());
        assertEquals(big.strip(), tickets.get(1).body());
    }

    @Test
    void missingIdAndMissingSummaryAreRefused() {
        NormalizationFailed noId = assertThrows(NormalizationFailed.class,
                () -> single(normalizer, "{\"summary\": \"x\"}"));
        NormalizationFailed noText = assertThrows(NormalizationFailed.class,
                () -> single(normalizer, "[{\"id\": 1, \"summary\": \"ok\"}, {\"id\": 2}]"));

        assertTrue(noId.getMessage().contains("'id'"), noId.getMessage());
        assertEquals(NormalizationFailed.MISSING_FIELD, noText.reason());
        assertTrue(noText.getMessage().contains("'[1].summary'"), noText.getMessage());
    }
}
