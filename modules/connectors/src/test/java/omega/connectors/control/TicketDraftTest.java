package omega.connectors.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import omega.connectors.api.NormalizationFailed;
import omega.connectors.api.PsaPlatform;
import omega.platform.api.TicketNormalized;

class TicketDraftTest {

    private static final RawPayload RAW = Payloads.raw(PsaPlatform.AUTOTASK, "{}");

    private static TicketDraft draft() {
        return new TicketDraft(PsaPlatform.AUTOTASK, null).externalId("id", "42").title("title", "Title");
    }

    @Test
    void versionIsTheUpdateTimeElseTheCreationTimeElseZero() {
        TicketNormalized updated = draft().createdAt("c", "2026-01-01T00:00:00Z").updatedAt("u", "2026-01-02T00:00:00Z").build(RAW);
        TicketNormalized created = draft().createdAt("c", "2026-01-01T00:00:00Z").build(RAW);
        TicketNormalized timeless = draft().build(RAW);

        assertEquals(Payloads.millis("2026-01-02T00:00:00Z"), updated.version());
        assertEquals(Payloads.millis("2026-01-01T00:00:00Z"), created.version());
        assertEquals(0L, timeless.version());
    }

    @Test
    void theLatestOfSeveralUpdateTimesWinsWhateverTheOrder() {
        TicketNormalized t = draft().updatedAt("a", "2026-01-03T00:00:00Z").updatedAt("b", "2026-01-02T00:00:00Z")
                .updatedAt("c", null).build(RAW);

        assertEquals("2026-01-03T00:00:00Z", t.updatedAt());
    }

    @Test
    void identityFieldsComeFromThePayloadAndThePlatform() {
        TicketNormalized t = draft().build(RAW);

        assertNull(t.ticketId());
        assertEquals(Payloads.TENANT, t.tenantId());
        assertEquals(Payloads.RAW_ID, t.rawId());
        assertEquals("autotask", t.source());
        assertEquals(36, t.correlationId().length());
    }

    @Test
    void textIsClippedToTheCanonicalColumnSizes() {
        String longText = "x".repeat(2000);
        TicketNormalized t = draft().title("title", longText).requester(longText).client(longText).category(longText)
                .label("queue", longText).build(RAW);

        assertEquals(TicketDraft.TITLE_MAX, t.title().length());
        assertTrue(t.title().endsWith("\u2026"));
        assertEquals(TicketDraft.REQUESTER_MAX, t.requester().length());
        assertEquals(TicketDraft.CLIENT_MAX, t.client().length());
        assertEquals(TicketDraft.CATEGORY_MAX, t.category().length());
        assertEquals(TicketDraft.LABEL_MAX, t.labels().get("queue").length());
    }

    @Test
    void clippingNeverSplitsASurrogatePair() {
        String emoji = "😀".repeat(400);
        String clipped = draft().title("title", emoji).build(RAW).title();

        assertTrue(clipped.length() <= TicketDraft.TITLE_MAX);
        assertTrue(clipped.codePoints().allMatch(cp -> cp == 0x1F600 || cp == 0x2026), "no broken surrogate");
    }

    @Test
    void titleIsOneLineAndATitlelessTicketTakesTheBodysFirstLine() {
        TicketNormalized multiLine = draft().title("title", "  line one\n\tline two  ").build(RAW);
        TicketNormalized fromBody = draft().title("title", null).body("d", "<p>" + "word ".repeat(60) + "</p><p>more</p>").build(RAW);

        assertEquals("line one line two", multiLine.title());
        assertEquals(TicketDraft.TITLE_FROM_BODY_MAX, fromBody.title().length());
    }

    @Test
    void externalIdIsRequiredAndBoundedNamingTheFieldAndLocation() {
        NormalizationFailed missing = assertThrows(NormalizationFailed.class,
                () -> new TicketDraft(PsaPlatform.AUTOTASK, "items[3]").externalId("id", " ").title("t", "x").build(RAW));
        NormalizationFailed tooLong = assertThrows(NormalizationFailed.class,
                () -> draft().externalId("id", "9".repeat(256)).build(RAW));

        assertEquals(NormalizationFailed.MISSING_FIELD, missing.reason());
        assertEquals("autotask: missing field 'items[3].id' (the ticket's id in autotask)", missing.getMessage());
        assertEquals(Map.of("items[3].id", "is required"), missing.errors());
        assertEquals(NormalizationFailed.INVALID_FIELD, tooLong.reason());
    }

    @Test
    void priorityLabelIsTheCanonicalPriorityAndBlankLabelsAreLeftOut() {
        TicketNormalized t = draft().priority("P2", "High").label("queue", " ").label("assignee", null)
                .category("Email").build(RAW);

        assertEquals(Map.of("priority", "P2", "category", "Email"), t.labels());
    }

    @Test
    void bodyIsHtmlStrippedAndReplyTrimmed() {
        TicketNormalized t = draft().body("d", "<div>New issue</div><div>On Mon, 2 Mar 2026, Bob wrote:</div>"
                + "<blockquote>old</blockquote>").build(RAW);

        assertEquals("New issue", t.body());
    }
}
