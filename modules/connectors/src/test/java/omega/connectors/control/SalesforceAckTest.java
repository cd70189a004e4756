package omega.connectors.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import omega.connectors.api.NormalizationFailed;
import omega.connectors.api.PsaPlatform;

class SalesforceAckTest {

    private static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String OUT_NS = "http://soap.sforce.com/2005/09/outbound";

    @Test
    void ackIsTheNotificationsResponseWithAckTrueInTheOutboundNamespace() throws Exception {
        Document ack = SafeXml.parse(SalesforceAck.ACK);

        Element envelope = ack.getDocumentElement();
        assertEquals(SOAP_NS, envelope.getNamespaceURI());
        assertEquals("Envelope", envelope.getLocalName());
        assertEquals(1, ack.getElementsByTagNameNS(SOAP_NS, "Body").getLength());
        assertEquals(1, ack.getElementsByTagNameNS(OUT_NS, "notificationsResponse").getLength());
        assertEquals("true", ack.getElementsByTagNameNS(OUT_NS, "Ack").item(0).getTextContent());
        assertTrue(SalesforceAck.CONTENT_TYPE.startsWith("text/xml"));
    }

    @Test
    void faultEscapesItsMessageAndSaysWhoseFaultItIs() throws Exception {
        Document fault = SafeXml.parse(SalesforceAck.fault(true, "bad <Subject> & \"quotes\"\u0001"));
        Document server = SafeXml.parse(SalesforceAck.fault(false, null));

        assertEquals("soapenv:Client", fault.getElementsByTagName("faultcode").item(0).getTextContent());
        assertEquals("bad <Subject> & \"quotes\"", fault.getElementsByTagName("faultstring").item(0).getTextContent());
        assertEquals(1, fault.getElementsByTagNameNS(SOAP_NS, "Fault").getLength());
        assertEquals("soapenv:Server", server.getElementsByTagName("faultcode").item(0).getTextContent());
    }

    @Test
    void faultForANormalizationFailureCarriesItsReason() throws Exception {
        NormalizationFailed failure = NormalizationFailed.missingField(PsaPlatform.SALESFORCE, "Subject", "title");
        Document fault = SafeXml.parse(SalesforceAck.fault(failure));

        String text = fault.getElementsByTagName("faultstring").item(0).getTextContent();
        assertTrue(text.startsWith("missing-field: salesforce: missing field 'Subject'"), text);
    }

    @Test
    void organizationMatchesIn15And18CharacterForms() {
        SalesforceOutboundMessage message = new SalesforceOutboundMessage("00D5g000000TeStEAU", "a", List.of());

        assertDoesNotThrow(() -> SalesforceAck.verifyOrganization("00D5g000000TeStEAU", message));
        assertDoesNotThrow(() -> SalesforceAck.verifyOrganization("00D5g000000TeSt", message));
        assertDoesNotThrow(() -> SalesforceAck.verifyOrganization(" 00D5g000000TeSt ",
                new SalesforceOutboundMessage("00D5g000000TeSt", "a", List.of())));
    }

    @Test
    void anotherOrganizationACaseVariantAndMissingIdsAreRefused() {
        SalesforceOutboundMessage message = new SalesforceOutboundMessage("00D5g000000TeStEAU", "a", List.of());

        NormalizationFailed other = assertThrows(NormalizationFailed.class,
                () -> SalesforceAck.verifyOrganization("00D5g000000OthEr", message));
        assertThrows(NormalizationFailed.class, () -> SalesforceAck.verifyOrganization("00d5g000000test", message));
        assertThrows(NormalizationFailed.class, () -> SalesforceAck.verifyOrganization(null, message));
        assertThrows(NormalizationFailed.class, () -> SalesforceAck.verifyOrganization("00D5g000000TeSt",
                new SalesforceOutboundMessage(null, "a", List.of())));

        assertEquals(NormalizationFailed.ORGANIZATION_MISMATCH, other.reason());
        assertEquals(403, other.status());
        assertFalse(other.getMessage().contains("00D5g000000OthEr"), "the configured id is not echoed");
    }
}
