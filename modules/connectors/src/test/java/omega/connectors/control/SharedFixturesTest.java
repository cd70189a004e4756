package omega.connectors.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import omega.connectors.api.NormalizationFailed;
import omega.connectors.api.PsaPlatform;
import omega.platform.api.TicketNormalized;

/**
 * The vendors' own sample payloads in the team's shared fixture folder ({@code ../../../shared/fixtures} from
 * the module directory, or system property {@code omega.shared.fixtures}), read in place: they are never
 * copied into the project. See that folder's SOURCES.md for how faithful each file is. Skipped when absent.
 */
class SharedFixturesTest {

    private static Path dir;

    @BeforeAll
    static void locate() {
        dir = Path.of(System.getProperty("omega.shared.fixtures", "../../../shared/fixtures")).toAbsolutePath().normalize();
    }

    /** Per test, so that every test is reported as skipped (with this message) rather than the class vanishing. */
    @BeforeEach
    void requireFixtures() {
        assumeTrue(Files.isDirectory(dir), "shared fixtures absent (" + dir + ")");
    }

    @Test
    void zendeskSampleTicket() {
        TicketNormalized t = one(new ZendeskNormalizer(), "zendesk-ticket.json");

        assertEquals("1", t.externalId());
        assertEquals("This is a sample ticket requested and submitted by you", t.title());
        assertEquals("This is the first comment. Feel free to delete this sample ticket.", t.body());
        assertEquals("P2", t.priority());
        assertEquals("high", t.sourcePriority());
        assertEquals("PENDING", t.status());
        assertEquals("incident", t.category());
        assertEquals("25983618", t.labels().get("queue"));
        assertEquals("1159307768", t.labels().get("assignee"));
        assertEquals("sample,zendesk", t.labels().get("tags"));
        assertEquals(Instant.parse("2015-07-25T02:23:13Z").toEpochMilli(), t.version());
    }

    @Test
    void zendeskShowAndCreateResponsesWithSideloads() {
        TicketNormalized shown = one(new ZendeskNormalizer(), "zendesk-ticket-show-response.json");
        TicketNormalized created = one(new ZendeskNormalizer(), "zendesk-ticket-create-response.json");

        assertEquals("2251", shown.externalId());
        assertEquals("OPEN", shown.status());
        assertNull(shown.priority());
        assertEquals("21311632247", shown.requester());
        assertEquals("stupiddumb@facetoe.com.au", created.requester(), "from the side-loaded users");
        assertEquals("zenpytestapi", created.client(), "from the side-loaded organizations");
    }

    @Test
    void zendeskEventWebhooks() {
        TicketNormalized created = one(new ZendeskNormalizer(), "zendesk-webhook-ticket-created.json");
        TicketNormalized commented = one(new ZendeskNormalizer(), "zendesk-webhook-ticket-comment-added.json");

        assertEquals("5158", created.externalId());
        assertEquals("Cannot login to mobile app", created.title());
        assertEquals("P2", created.priority());
        assertEquals("HIGH", created.sourcePriority());
        assertEquals("OPEN", created.status());
        assertEquals("problem", created.category());
        assertEquals("8447320466430", created.labels().get("queue"));
        assertEquals("mobile,login,priority-support", commented.labels().get("tags"));
        assertTrue(commented.version() > created.version());
    }

    @Test
    void zendeskAuditResponseCarriesItsTicket() {
        TicketNormalized t = one(new ZendeskNormalizer(), "zendesk-ticket-audit.json");

        assertEquals("7", t.externalId());
        assertEquals("OMG I MADE A TICKET", t.title());
        assertEquals("OPEN", t.status());
    }

    @Test
    void zendeskDocumentsThatAreNoTicketPayloadAreRefusedWithAReason() {
        assertEquals(NormalizationFailed.MISSING_FIELD, failure(new ZendeskNormalizer(), "zendesk-ticket-create-request.json"));
        assertEquals(NormalizationFailed.UNSUPPORTED_EVENT, failure(new ZendeskNormalizer(), "zendesk-trigger.json"));
        assertEquals(NormalizationFailed.UNSUPPORTED_EVENT, failure(new ZendeskNormalizer(), "zendesk-webhook-config.json"));
    }

    @Test
    void serviceNowIncidentTableApi() {
        TicketNormalized t = one(new ServiceNowNormalizer(), "servicenow-incident-table-api.json");

        assertEquals("1c741bd70b2322007518478d83673af3", t.externalId());
        assertEquals("INC0000060", t.number());
        assertEquals("Unable to connect to email", t.title());
        assertEquals("I am unable to connect to the email server. It appears to be down.", t.body());
        assertEquals("CLOSED", t.status());
        assertEquals("7", t.sourceStatus());
        assertEquals("P3", t.priority());
        assertEquals(Map.of("category", "inquiry", "subcategory", "email", "queue", "287ebd7da9fe198100f92cc8d1d2154e",
                "assignee", "5137153cc611227c000bbd1bd8cd2007", "priority", "P3"), t.labels());
        assertEquals("681ccaf9c0a8016400b98a06818d57c7", t.requester());
        assertEquals("31bea3d53790200044e0bfc8bcbe5dec", t.client());
        assertEquals("2016-12-12T15:19:57Z", t.createdAt());
        assertEquals(Instant.parse("2016-12-14T02:46:44Z").toEpochMilli(), t.version());
        assertNull(t.slaDueAt(), "sla_due and due_date are empty strings");
    }

    @Test
    void salesforceCaseSObject() {
        TicketNormalized t = one(new SalesforceNormalizer(), "salesforce-case.json");

        assertEquals("500410000021Zt4AAE", t.externalId());
        assertEquals("00001002", t.number());
        assertEquals("Seeking guidance on electrical wiring installation for GC5060", t.title());
        assertEquals("", t.body(), "Description is null");
        assertEquals("P4", t.priority());
        assertEquals("NEW", t.status());
        assertEquals("Electrical", t.category());
        assertEquals("Installation", t.labels().get("reason"));
        assertEquals("00541000000KCeFAAW", t.labels().get("assignee"));
        assertEquals("003410000052pXCAAY", t.requester());
        assertEquals("00141000005JEI8AAO", t.client());
        assertEquals("2016-09-27T20:32:11Z", t.createdAt());
    }

    @Test
    void salesforceOutboundMessageWithOnlyIdsIsRefusedButItsOrganizationVerifies() {
        String xml = readOrSkip("salesforce-outbound-message-case.xml");
        SalesforceOutboundMessage message = SalesforceOutboundMessage.parse(xml);

        assertEquals("00D70000000IVNpEAO", message.organizationId());
        assertEquals("5007000000OFL5FAAX", message.notifications().get(0).fields().get("Id"));
        assertDoesNotThrow(() -> SalesforceAck.verifyOrganization("00D70000000IVNp", message));
        NormalizationFailed e = assertThrows(NormalizationFailed.class,
                () -> new SalesforceNormalizer().normalize(raw(PsaPlatform.SALESFORCE, "outbound", xml)));
        assertEquals(NormalizationFailed.MISSING_FIELD, e.reason());
        assertTrue(e.getMessage().contains("Notification[0].sObject.Subject"), e.getMessage());
    }

    @Test
    void salesforceAckMatchesThePublishedAckStructure() throws Exception {
        Document published = SafeXml.parse(readOrSkip("salesforce-outbound-message-ack.xml"));
        Document ours = SafeXml.parse(SalesforceAck.ACK);

        assertEquals(structure(published), structure(ours));
        assertEquals(NormalizationFailed.MALFORMED_XML, failure(new SalesforceNormalizer(), "salesforce-outbound-message-ack.xml"));
    }

    @Test
    void connectWiseServiceTicket() {
        TicketNormalized t = one(new ConnectWiseNormalizer(), "connectwise-service-ticket.json");

        assertEquals("493", t.externalId());
        assertEquals("Check Remote Backup", t.title());
        assertEquals("NEW", t.status());
        assertEquals("New (not responded)", t.sourceStatus());
        assertEquals("P3", t.priority());
        assertEquals("IndigoStrawberry, Co.", t.client());
        assertEquals("ramon.stawiarz@indigostrawberry.com", t.requester());
        assertEquals(Map.of("category", "Proactive", "queue", "Professional Services", "team", "Service Team",
                "priority", "P3"), t.labels());
        assertEquals(Instant.parse("2022-07-02T04:20:41Z").toEpochMilli(), t.version());
    }

    @Test
    void autotaskTicketsQueryResponse() {
        TicketNormalized t = one(new AutotaskNormalizer(), "autotask-tickets-query-response.json");

        assertEquals("29296", t.externalId());
        assertEquals("T20200924.0046.051", t.number());
        assertEquals("ICT Coaching", t.title());
        assertEquals("P3", t.priority());
        assertEquals("RESOLVED", t.status());
        assertEquals(Map.of("category", "6", "queue", "29683354", "assignee", "29682899", "type", "1", "priority", "P3"),
                t.labels());
        assertEquals("2022-12-07T09:15:52.407Z", t.updatedAt(), "lastActivityDate is later than the tracked modification");
        assertEquals("2022-12-06T13:00:00Z", t.slaDueAt());
    }

    @Test
    void kaseyaBmsSyntheticTicket() {
        TicketNormalized t = one(new KaseyaBmsNormalizer(), "kaseya-bms-ticket.SYNTHETIC.json");

        assertEquals("900", t.externalId());
        assertEquals("Outlook keeps prompting for password", t.title());
        assertEquals("Contoso Ltd", t.client());
        assertEquals("Jordan Lee", t.requester());
        assertEquals("NEW", t.status());
        assertEquals("P2", t.priority());
        assertEquals("Email", t.category());
        assertEquals("Service Desk", t.labels().get("queue"));
        assertEquals("Alex Tech", t.labels().get("assignee"));
        assertEquals("2024-01-15T17:00:00Z", t.slaDueAt());
        assertEquals(Instant.parse("2024-01-15T09:15:40Z").toEpochMilli(), t.version());
    }

    /** Every PSA file, including ones added later: tickets, or a refusal with a stable reason, never another error. */
    @Test
    void everyPsaFixtureNormalizesOrIsRefusedWithAReason() throws IOException {
        List<String> seen = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                for (TicketNormalizer normalizer : Payloads.normalizers()) {
                    if (name.startsWith(normalizer.platform().slug() + "-")) {
                        seen.add(name);
                        try {
                            List<TicketNormalized> tickets = normalizer.normalize(raw(normalizer.platform(), name, read(name)));
                            tickets.forEach(t -> assertFalse(t.title().isBlank(), name));
                        } catch (NormalizationFailed e) {
                            assertFalse(e.reason().isBlank(), name);
                        }
                    }
                }
            }
        }
        assertTrue(seen.size() >= 16, "PSA fixtures found: " + seen);
    }

    private static TicketNormalized one(TicketNormalizer normalizer, String name) {
        List<TicketNormalized> tickets = normalizer.normalize(raw(normalizer.platform(), name, readOrSkip(name)));
        assertEquals(1, tickets.size(), name);
        TicketNormalized t = tickets.get(0);
        assertEquals(normalizer.platform().slug(), t.source());
        assertEquals(Payloads.TENANT, t.tenantId());
        assertEquals(name, t.rawId());
        assertNull(t.ticketId());
        assertTrue(t.version() > 0, name);
        return t;
    }

    private static String failure(TicketNormalizer normalizer, String name) {
        return assertThrows(NormalizationFailed.class,
                () -> normalizer.normalize(raw(normalizer.platform(), name, readOrSkip(name)))).reason();
    }

    /** The file name is the raw id, so each ticket says which fixture it came from. */
    private static RawPayload raw(PsaPlatform platform, String name, String body) {
        return new RawPayload(platform, Payloads.TENANT, name, null, body, Map.of(), null);
    }

    private static String readOrSkip(String name) {
        assumeTrue(Files.isRegularFile(dir.resolve(name)), "shared fixture " + name + " absent");
        return read(name);
    }

    private static String read(String name) {
        try {
            return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** Namespace + local name of every element, depth first, with the text of leaf elements. */
    private static List<String> structure(Document document) {
        List<String> out = new ArrayList<>();
        walk(document.getDocumentElement(), out);
        return out;
    }

    private static void walk(Element element, List<String> out) {
        boolean leaf = true;
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element) {
                leaf = false;
            }
        }
        out.add("{" + element.getNamespaceURI() + "}" + element.getLocalName() + (leaf ? "=" + element.getTextContent().strip() : ""));
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                walk(e, out);
            }
        }
    }
}
