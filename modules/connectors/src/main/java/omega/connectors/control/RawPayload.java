package omega.connectors.control;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import omega.connectors.api.PsaPlatform;

/**
 * A payload exactly as a platform delivered it (webhook body or one polled page), with where it came from.
 *
 * @param rawId   id of the stored raw payload; copied to every ticket normalized from it
 * @param body    the body as received, undecoded (JSON or XML text)
 * @param headers the HTTP headers that came with it (names matched case-insensitively by {@link #header})
 */
public record RawPayload(
        PsaPlatform platform,
        String tenantId,
        String rawId,
        String contentType,
        String body,
        Map<String, String> headers,
        Instant receivedAt) {

    public RawPayload {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(tenantId, "tenantId");
        Map<String, String> copy = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (name != null && value != null) {
                    copy.put(name, value);
                }
            });
        }
        headers = Map.copyOf(copy);
        receivedAt = receivedAt == null ? Instant.now() : receivedAt;
    }

    /** @return the header's value (name case-insensitive), or null */
    public String header(String name) {
        String exact = headers.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    /** @return true when the body starts with '<' (after white space and a byte-order mark), else when the content type says XML */
    public boolean looksLikeXml() {
        int first = firstSignificantChar(body);
        if (first >= 0) {
            return first == '<';
        }
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("xml");
    }

    private static int firstSignificantChar(String text) {
        if (text != null) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!Character.isWhitespace(c) && c != '\uFEFF') {
                    return c;
                }
            }
        }
        return -1;
    }
}
