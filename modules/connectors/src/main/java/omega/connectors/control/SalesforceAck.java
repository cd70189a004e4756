package omega.connectors.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import omega.connectors.api.NormalizationFailed;
import omega.connectors.api.PsaPlatform;

/**
 * The SOAP answers a Salesforce Outbound Message listener gives (content type {@code text/xml; charset=utf-8}).
 * Salesforce keeps re-sending a message (for up to 24 hours) until it receives the {@link #ACK} body; a SOAP
 * fault (HTTP 500) or anything else counts as a failed delivery.
 */
public final class SalesforceAck {

    public static final String CONTENT_TYPE = "text/xml; charset=utf-8";

    /** The exact {@code notificationsResponse} with {@code Ack=true}. */
    public static final String ACK = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
            + " xmlns:out=\"http://soap.sforce.com/2005/09/outbound\">"
            + "<soapenv:Header/>"
            + "<soapenv:Body>"
            + "<out:notificationsResponse>"
            + "<out:Ack>true</out:Ack>"
            + "</out:notificationsResponse>"
            + "</soapenv:Body>"
            + "</soapenv:Envelope>";

    private SalesforceAck() {
    }

    /**
     * A SOAP 1.1 fault (send with HTTP 500). {@code client} faults mean the message itself is unacceptable
     * ({@code soapenv:Client}), others that OMEGA failed ({@code soapenv:Server}); Salesforce retries either way.
     */
    public static String fault(boolean client, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soapenv:Body>"
                + "<soapenv:Fault>"
                + "<faultcode>soapenv:" + (client ? "Client" : "Server") + "</faultcode>"
                + "<faultstring>" + escape(message == null ? "" : message) + "</faultstring>"
                + "</soapenv:Fault>"
                + "</soapenv:Body>"
                + "</soapenv:Envelope>";
    }

    /** The fault for a failed normalization: a client fault carrying its reason code and message. */
    public static String fault(NormalizationFailed failure) {
        return fault(true, failure.reason() + ": " + failure.getMessage());
    }

    /**
     * Checks that the message was sent by the expected org. Org ids are compared on their case-sensitive
     * 15-character form, so a configured 15- or 18-character id matches either form in the message.
     *
     * @throws NormalizationFailed {@code organization-mismatch} when no org is expected, the message names none,
     *                             or they differ
     */
    public static void verifyOrganization(String expectedOrganizationId, SalesforceOutboundMessage message) {
        String expected = fifteen(expectedOrganizationId);
        String actual = fifteen(message.organizationId());
        if (expected == null) {
            throw new NormalizationFailed(PsaPlatform.SALESFORCE, NormalizationFailed.ORGANIZATION_MISMATCH,
                    "no Salesforce organization id is configured for this tenant");
        }
        if (actual == null) {
            throw new NormalizationFailed(PsaPlatform.SALESFORCE, NormalizationFailed.ORGANIZATION_MISMATCH,
                    "the outbound message has no OrganizationId");
        }
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                actual.getBytes(StandardCharsets.US_ASCII))) {
            throw new NormalizationFailed(PsaPlatform.SALESFORCE, NormalizationFailed.ORGANIZATION_MISMATCH,
                    "the outbound message comes from organization " + actual + ", not the configured one");
        }
    }

    private static String fifteen(String organizationId) {
        if (organizationId == null || organizationId.isBlank()) {
            return null;
        }
        String id = organizationId.strip();
        return id.length() == 18 ? id.substring(0, 15) : id;
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
