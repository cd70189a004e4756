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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import omega.connectors.api.NormalizationFailed;
import omega.platform.api.TicketNormalized;

class SalesforceNormalizerTest {

    private final SalesforceNormalizer normalizer = new SalesforceNormalizer();

    @Test
    void caseSObjectMapsEveryCanonicalField() {
        TicketNormalized t = fromFile(normalizer, "case.json");

        assertEquals("salesforce", t.source());
        assertEquals("5005g00000AbCdEAAV", t.externalId());
        assertEquals("00042017", t.number());
        assertEquals("Teams calls drop after 30 seconds", t.title());
        assertEquals("Hello,\n\nall Teams calls in the Lyon office drop after ~30 s.", t.body(), "signature trimmed");
        assertEquals("jean.martin@lyon-office.example", t.requester());
        assertEquals("Martin Freres SARL", t.client());
        assertEquals("P2", t.priority());
        assertEquals("High", t.sourcePriority());
        assertEquals("OPEN", t.status());
        assertEquals("Working", t.sourceStatus());
        assertEquals("Problem", t.category());
        assertEquals(Map.of("category", "Problem", "reason", "Performance", "queue", "00G5g000004AbCdEAF",
                "priority", "P2"), t.labels());
        assertEquals("2026-01-20T08:00:00Z", t.createdAt());
        assertEquals("2026-01-20T09:16:30Z", t.updatedAt(), "the later of LastModifiedDate and SystemModstamp");
        assertEquals(millis("2026-01-20T09:16:30Z"), t.version());
        assertNull(t.slaDueAt());
    }

    @Test
    void queryResultGivesEveryRecordWithSuppliedContactsAndUserOwners() {
        List<TicketNormalized> tickets = normalize(normalizer, Payloads.read(normalizer.platform(), "query.json"));

        assertEquals(2, tickets.size());
        TicketNormalized first = tickets.get(0);
        assertEquals("desk@bakery.example", first.requester());
        assertEquals("Corner Bakery", first.client());
        assertEquals("NEW", first.status());
        assertEquals("P4", first.priority());
        assertEquals("Feature request", first.category(), "Reason when Type is null");
        assertEquals("0055g00000Tech1AAB", first.labels().get("assignee"));
        assertFalse(first.labels().containsKey("queue"));
        assertEquals("", first.body());
        TicketNormalized second = tickets.get(1);
        assertEquals("CLOSED", second.status());
        assertEquals("0035g00000Contact", second.requester());
        assertEquals("P3", second.priority());
    }

    @Test
    void outboundMessageGivesOneTicketPerNotification() {
        List<TicketNormalized> tickets = normalize(normalizer, Payloads.read(normalizer.platform(), "outbound-message.xml"));

        assertEquals(2, tickets.size());
        TicketNormalized first = tickets.get(0);
        assertEquals("5005g00000OutB1AAF", first.externalId());
        assertEquals("00042030", first.number());
        assertEquals("Firewall blocks the new CRM", first.title());
        assertEquals("Since today the CRM at crm.example is blocked.", first.body(), "escaped HTML decoded and stripped");
        assertEquals("it@winery.example", first.requester());
        assertNull(first.client(), "xsi:nil AccountId is absent");
        assertEquals("P2", first.priority());
        assertEquals("NEW", first.status());
        assertEquals("00G5g000004QueueAAA", first.labels().get("queue"));
        assertEquals(millis("2026-01-22T07:30:05Z"), first.version());
        TicketNormalized second = tickets.get(1);
        assertEquals("CLOSED", second.status());
        assertEquals("Scanner driver on reception PC", second.title());
    }

    @Test
    void outboundMessageParsesOrganizationAndNotifications() {
        SalesforceOutboundMessage message = SalesforceOutboundMessage.parse(
                Payloads.read(normalizer.platform(), "outbound-message.xml"));

        assertEquals("00D5g000000TeStEAU", message.organizationId());
        assertEquals("04k5g000000AcTiAAG", message.actionId());
        assertEquals(2, message.notifications().size());
        assertEquals("04l5g00000Notif1AAA", message.notifications().get(0).id());
        assertEquals("Case", message.notifications().get(0).sObjectType());
        assertTrue(message.notifications().get(0).fields().containsKey("AccountId"));
        assertNull(message.notifications().get(0).fields().get("AccountId"));
    }

    @Test
    void outboundMessageWithOnlyTheIdIsRefusedNamingSubjectAndDescription() {
        NormalizationFailed e = assertThrows(NormalizationFailed.class, () -> single(normalizer, outbound(
                "<sf:Id>5005g00000OnlyIdAAF</sf:Id>")));

        assertEquals(NormalizationFailed.MISSING_FIELD, e.reason());
        assertTrue(e.getMessage().contains("Notification[0].sObject.Subject"), e.getMessage());
    }

    @Test
    void outboundMessageForAnotherSObjectIsUnsupported() {
        String lead = outbound("<sf:Id>00Q5g00000LeadAAA</sf:Id><sf:Subject>x</sf:Subject>").replace("sf:Case", "sf:Lead");

        assertEquals(NormalizationFailed.UNSUPPORTED_EVENT,
                assertThrows(NormalizationFailed.class, () -> single(normalizer, lead)).reason());
    }

    @Test
    void doctypeWithAnExternalEntityIsRefusedAndTheFileIsNeverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-42");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + outbound("<sf:Id>5005g00000XxeAAA</sf:Id><sf:Subject>&xxe;</sf:Subject>").substring(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>".length());

        NormalizationFailed e = assertThrows(NormalizationFailed.class, () -> single(normalizer, xxe));

        assertEquals(NormalizationFailed.MALFORMED_XML, e.reason());
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertFalse(e.getMessage().contains("TOP-SECRET-42"));
    }

    @Test
    void entityExpansionBombIsRefused() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
                + "<notifications xmlns=\"http://soap.sforce.com/2005/09/outbound\">&lol3;</notifications>"
                + "</soapenv:Body></soapenv:Envelope>";

        assertEquals(NormalizationFailed.MALFORMED_XML,
                assertThrows(NormalizationFailed.class, () -> single(normalizer, bomb)).reason());
    }

    @Test
    void malformedXmlAndSoapWithoutNotificationsAreRefused() {
        assertEquals(NormalizationFailed.MALFORMED_XML,
                assertThrows(NormalizationFailed.class, () -> single(normalizer, "<soapenv:Envelope><unclosed>")).reason());
        assertEquals(NormalizationFailed.MALFORMED_XML, assertThrows(NormalizationFailed.class, () -> single(normalizer,
                "<Envelope xmlns=\"http://schemas.xmlsoap.org/soap/envelope/\"><Body/></Envelope>")).reason());
    }

    @Test
    void otherSObjectJsonIsUnsupportedAndAMissingIdIsNamed() {
        NormalizationFailed account = assertThrows(NormalizationFailed.class, () -> single(normalizer,
                "{\"attributes\": {\"type\": \"Account\"}, \"Id\": \"001\", \"Name\": \"x\"}"));
        NormalizationFailed noId = assertThrows(NormalizationFailed.class, () -> single(normalizer,
                "{\"attributes\": {\"type\": \"Case\"}, \"Subject\": \"x\"}"));

        assertEquals(NormalizationFailed.UNSUPPORTED_EVENT, account.reason());
        assertEquals(NormalizationFailed.MISSING_FIELD, noId.reason());
        assertTrue(noId.getMessage().contains("'Id'"), noId.getMessage());
    }

    @Test
    void lowerCaseFieldNamesUnicodeAndALargeDescriptionAreRead() {
        String big = Payloads.largeText(1 << 20);
        TicketNormalized t = single(normalizer, "{\"id\": \"500X\", \"subject\": \"Überweisung hängt — 請求書\", "
                + "\"description\": " + json(big) + ", \"isClosed\": \"true\", \"unknown__c\": [1, {\"a\": null}]}");

        assertEquals("500X", t.externalId());
        assertEquals("Überweisung hängt — 請求書", t.title());
        assertEquals(big.strip(), t.body());
        assertEquals("CLOSED", t.status());
    }

    private static String outbound(String caseFields) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body>"
                + "<notifications xmlns=\"http://soap.sforce.com/2005/09/outbound\">"
                + "<OrganizationId>00D5g000000TeStEAU</OrganizationId><ActionId>04k1</ActionId>"
                + "<Notification><Id>04l1</Id>"
                + "<sObject xsi:type=\"sf:Case\" xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\">" + caseFields
                + "</sObject></Notification></notifications></soapenv:Body></soapenv:Envelope>";
    }
}
