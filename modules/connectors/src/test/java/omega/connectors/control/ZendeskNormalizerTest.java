package omega.connectors.control;

import static omega.connectors.control.Payloads.fromFile;
import static omega.connectors.control.Payloads.json;
import static omega.connectors.control.Payloads.millis;
import static omega.connectors.control.Payloads.normalize;
import static omega.connectors.control.Payloads.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import omega.connectors.api.NormalizationFailed;
import omega.platform.api.TicketNormalized;

class ZendeskNormalizerTest {

    private final ZendeskNormalizer normalizer = new ZendeskNormalizer();

    @Test
    void ticketCreatedEventMapsEveryCanonicalField() {
        TicketNormalized t = fromFile(normalizer, "event-ticket-created.json");

        assertNull(t.ticketId());
        assertEquals(Payloads.TENANT, t.tenantId());
        assertEquals("zendesk", t.source());
        assertEquals("7301", t.externalId());
        assertEquals("7301", t.number());
        assertEquals("3rd floor printer offline", t.title());
        assertEquals("The printer on the 3rd floor shows offline for everyone.\n\nThanks,\nMaria", t.body());
        assertEquals("90210000001", t.requester());
        assertEquals("90210000400", t.client());
        assertEquals("P1", t.priority());
        assertEquals("URGENT", t.sourcePriority());
        assertEquals("NEW", t.status());
        assertEquals("NEW", t.sourceStatus());
        assertEquals("incident", t.category());
        assertEquals(Map.of("category", "incident", "queue", "90210000300", "assignee", "90210000042",
                "tags", "printer,floor3", "priority", "P1"), t.labels());
        assertEquals("2026-03-02T08:15:00Z", t.createdAt());
        assertEquals("2026-03-02T08:15:00Z", t.updatedAt());
        assertNull(t.slaDueAt());
        assertEquals(millis("2026-03-02T08:15:00Z"), t.version());
        assertEquals(Payloads.RAW_ID, t.rawId());
        UUID.fromString(t.correlationId());
    }

    @Test
    void commentAddedEventCarriesTheUpdatedTicketAndANewerVersion() {
        TicketNormalized created = fromFile(normalizer, "event-ticket-created.json");
        TicketNormalized commented = fromFile(normalizer, "event-comment-added.json");

        assertEquals(created.externalId(), commented.externalId());
        assertEquals("P2", commented.priority());
        assertEquals("OPEN", commented.status());
        assertEquals("The printer on the 3rd floor shows offline for everyone.", commented.body());
        assertEquals(millis("2026-03-02T09:40:12Z"), commented.version());
        assertTrue(commented.version() > created.version());
        assertNotEquals(created.correlationId(), commented.correlationId());
    }

    @Test
    void statusChangedEventTakesTheCurrentStatusFromTheEvent() {
        TicketNormalized t = fromFile(normalizer, "event-status-changed.json");

        assertEquals("RESOLVED", t.status());
        assertEquals("SOLVED", t.sourceStatus());
        assertEquals(millis("2026-03-02T11:05:00Z"), t.version());
    }

    @Test
    void triggerWebhookWithTemplateNamesIsReadAndTheQuotedReplyTrimmed() {
        TicketNormalized t = fromFile(normalizer, "trigger-ticket.json");

        assertEquals("7302", t.externalId());
        assertEquals("VPN drops every 10 minutes", t.title());
        assertEquals("Since the router firmware update the VPN disconnects.", t.body());
        assertEquals("li.wei@dental.example", t.requester());
        assertEquals("Bright Smile Dental", t.client());
        assertEquals("P3", t.priority());
        assertEquals("Normal", t.sourcePriority());
        assertEquals("PENDING", t.status());
        assertEquals("problem", t.category());
        assertEquals("Network", t.labels().get("queue"));
        assertEquals("sam@msp.example", t.labels().get("assignee"));
        assertEquals("vpn,firmware", t.labels().get("tags"));
        assertEquals(millis("2026-03-03T09:30:00Z"), t.version());
    }

    @Test
    void ticketListWithSideloadsGivesEveryTicketWithRequesterEmailAndOrganizationName() {
        List<TicketNormalized> tickets = normalize(normalizer, Payloads.read(normalizer.platform(), "tickets-page.json"));

        assertEquals(2, tickets.size());
        TicketNormalized first = tickets.get(0);
        assertEquals("7310", first.externalId());
        assertEquals("petra@lawfirm.example", first.requester());
        assertEquals("Novak & Haddad Law", first.client());
        assertEquals("P4", first.priority());
        assertEquals("2026-03-09T08:00:00Z", first.slaDueAt());
        assertFalse(first.labels().containsKey("assignee"), "null assignee_id gives no label");
        TicketNormalized second = tickets.get(1);
        assertEquals("omar@lawfirm.example", second.requester());
        assertEquals("PENDING", second.status());
        assertEquals("hold", second.sourceStatus());
        assertEquals("801", second.labels().get("assignee"));
        assertFalse(second.labels().containsKey("tags"), "empty tags give no label");
    }

    @Test
    void apiTicketWithNullPriorityAndTypeHasNoCanonicalPriorityOrCategory() {
        TicketNormalized t = single(normalizer, """
                {"ticket": {"id": 9, "subject": "s", "description": "d", "priority": null, "type": null,
                            "status": "closed", "created_at": "2026-01-01T00:00:00Z", "updated_at": null}}
                """);

        assertNull(t.priority());
        assertNull(t.sourcePriority());
        assertNull(t.category());
        assertEquals("CLOSED", t.status());
        assertEquals(Map.of(), t.labels());
        assertEquals(millis("2026-01-01T00:00:00Z"), t.version(), "version falls back to createdAt");
    }

    @Test
    void unicodeSurvivesUntouched() {
        TicketNormalized t = single(normalizer, """
                {"id": "1", "subject": "Drucker 🖨️ druckt nicht – 打印机", "description": "مرحبا — naïve café ✅"}
                """);

        assertEquals("Drucker 🖨️ druckt nicht – 打印机", t.title());
        assertEquals("مرحبا — naïve café ✅", t.body());
    }

    @Test
    void oneMebibyteBodyIsNormalizedWhole() {
        String big = Payloads.largeText(1 << 20);
        TicketNormalized t = single(normalizer, "{\"id\": \"77\", \"subject\": \"big\", \"description\": " + json(big) + "}");

        assertEquals(big.strip(), t.body());
    }

    @Test
    void aTicketWithoutIdIsRefusedNamingTheField() {
        NormalizationFailed e = assertThrows(NormalizationFailed.class, () -> single(normalizer, """
                {"ticket": {"subject": "s", "description": "d"}}
                """));

        assertEquals(NormalizationFailed.MISSING_FIELD, e.reason());
        assertTrue(e.getMessage().contains("'ticket.id'"), e.getMessage());
    }

    @Test
    void aTicketWithoutSubjectAndDescriptionIsRefused() {
        NormalizationFailed e = assertThrows(NormalizationFailed.class, () -> single(normalizer, """
                {"type": "zen:event-type:ticket.created", "detail": {"id": "5", "subject": "", "description": null}}
                """));

        assertEquals(NormalizationFailed.MISSING_FIELD, e.reason());
        assertTrue(e.getMessage().contains("'detail.subject'") && e.getMessage().contains("'detail.description'"),
                e.getMessage());
    }

    @Test
    void aTicketWithOnlyABodyGetsItsFirstLineAsTitle() {
        TicketNormalized t = single(normalizer, """
                {"ticket": {"id": "3", "description": "Screen flickers on dock\\nSince Monday."}}
                """);

        assertEquals("Screen flickers on dock", t.title());
    }

    @Test
    void nonTicketAndDeletionEventsAreUnsupported() {
        NormalizationFailed user = assertThrows(NormalizationFailed.class, () -> single(normalizer, """
                {"type": "zen:event-type:user.created", "detail": {"id": "5"}}
                """));
        NormalizationFailed deleted = assertThrows(NormalizationFailed.class, () -> single(normalizer, """
                {"type": "zen:event-type:ticket.soft_deleted", "detail": {"id": "5", "subject": "x"}}
                """));

        assertEquals(NormalizationFailed.UNSUPPORTED_EVENT, user.reason());
        assertEquals(422, user.status());
        assertEquals(NormalizationFailed.UNSUPPORTED_EVENT, deleted.reason());
    }

    @Test
    void otherZendeskObjectsWithIdAndDescriptionAreNotMistakenForTickets() {
        NormalizationFailed e = assertThrows(NormalizationFailed.class, () -> single(normalizer, """
                {"id": 65, "title": "Notify requester", "description": "Trigger sends a notification",
                 "conditions": {"all": [], "any": []}, "actions": [], "active": true}
                """));

        assertEquals(NormalizationFailed.UNSUPPORTED_EVENT, e.reason());
    }

    @Test
    void malformedJsonAndUnrecognisedDocumentsAreRefused() {
        assertEquals(NormalizationFailed.MALFORMED_JSON,
                assertThrows(NormalizationFailed.class, () -> single(normalizer, "{\"ticket\": ")).reason());
        assertEquals(NormalizationFailed.MALFORMED_JSON,
                assertThrows(NormalizationFailed.class, () -> single(normalizer, "  ")).reason());
        assertEquals(NormalizationFailed.UNSUPPORTED_EVENT,
                assertThrows(NormalizationFailed.class, () -> single(normalizer, "{\"hello\": 1}")).reason());
    }

    @Test
    void anUnreadableTimestampIsRefusedNamingTheField() {
        NormalizationFailed e = assertThrows(NormalizationFailed.class, () -> single(normalizer, """
                {"id": "3", "subject": "s", "created_at": "March 3, 2026"}
                """));

        assertEquals(NormalizationFailed.INVALID_FIELD, e.reason());
        assertTrue(e.getMessage().contains("'created_at'"), e.getMessage());
    }
}
