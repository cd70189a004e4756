package omega.connectors.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import omega.connectors.api.NormalizationFailed;
import omega.connectors.api.PsaPlatform;

/**
 * A Salesforce Outbound Message: the SOAP {@code notifications} element (namespace
 * {@code http://soap.sforce.com/2005/09/outbound}) with the sending org and one or more notifications, each
 * carrying the sObject's fields that the outbound message was configured to send.
 *
 * @param notifications in document order
 */
public record SalesforceOutboundMessage(String organizationId, String actionId, List<Notification> notifications) {

    static final String OUTBOUND_NS = "http://soap.sforce.com/2005/09/outbound";
    private static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

    /**
     * @param sObjectType the sObject's {@code xsi:type} without prefix, e.g. {@code Case}
     * @param fields      field name (no prefix) → text; {@code xsi:nil} fields map to null
     */
    public record Notification(String id, String sObjectType, Map<String, String> fields) {
    }

    /** @throws NormalizationFailed {@code malformed-xml} for XML that is malformed, has a DOCTYPE or no notifications */
    public static SalesforceOutboundMessage parse(String xml) {
        if (xml == null || xml.isBlank()) {
            throw malformed("the body is empty");
        }
        Document document;
        try {
            document = SafeXml.parse(xml);
        } catch (SAXException e) {
            throw malformed("the body is not acceptable XML: " + e.getMessage());
        }
        NodeList found = document.getElementsByTagNameNS(OUTBOUND_NS, "notifications");
        if (found.getLength() == 0) {
            throw malformed("no <notifications xmlns=\"" + OUTBOUND_NS + "\"> element: not an outbound message");
        }
        Element root = (Element) found.item(0);
        List<Notification> notifications = new ArrayList<>();
        for (Element notification : children(root, "Notification")) {
            notifications.add(notification(notification));
        }
        return new SalesforceOutboundMessage(childText(root, "OrganizationId"), childText(root, "ActionId"),
                List.copyOf(notifications));
    }

    private static Notification notification(Element notification) {
        List<Element> sObjects = children(notification, "sObject");
        Map<String, String> fields = new LinkedHashMap<>();
        String type = null;
        if (!sObjects.isEmpty()) {
            Element sObject = sObjects.get(0);
            String xsiType = sObject.getAttributeNS(XSI_NS, "type");
            type = xsiType.isEmpty() ? null : xsiType.substring(xsiType.indexOf(':') + 1);
            for (Node child = sObject.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element field) {
                    boolean nil = "true".equals(field.getAttributeNS(XSI_NS, "nil"));
                    fields.put(field.getLocalName(), nil ? null : field.getTextContent().strip());
                }
            }
        }
        return new Notification(childText(notification, "Id"), type, Collections.unmodifiableMap(fields));
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && localName.equals(element.getLocalName())) {
                children.add(element);
            }
        }
        return children;
    }

    private static String childText(Element parent, String localName) {
        List<Element> children = children(parent, localName);
        if (children.isEmpty()) {
            return null;
        }
        String text = children.get(0).getTextContent().strip();
        return text.isEmpty() ? null : text;
    }

    private static NormalizationFailed malformed(String detail) {
        return new NormalizationFailed(PsaPlatform.SALESFORCE, NormalizationFailed.MALFORMED_XML, detail);
    }
}
