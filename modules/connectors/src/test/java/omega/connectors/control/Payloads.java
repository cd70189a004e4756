package omega.connectors.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import omega.connectors.api.PsaPlatform;
import omega.platform.api.TicketNormalized;

/** Test payloads under {@code src/test/resources/payloads/<platform>/} and shortcuts around them. */
final class Payloads {

    static final String TENANT = "acme-msp";
    static final String RAW_ID = "raw-0001";

    private Payloads() {
    }

    /** One normalizer per platform, in {@link PsaPlatform} order. */
    static List<TicketNormalizer> normalizers() {
        return List.of(new ZendeskNormalizer(), new ServiceNowNormalizer(), new SalesforceNormalizer(),
                new KaseyaBmsNormalizer(), new ConnectWiseNormalizer(), new AutotaskNormalizer());
    }

    static String read(PsaPlatform platform, String name) {
        String path = "/payloads/" + platform.slug() + "/" + name;
        try (InputStream in = Payloads.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no test payload " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RawPayload raw(PsaPlatform platform, String body) {
        String type = body.stripLeading().startsWith("<") ? "text/xml; charset=utf-8" : "application/json";
        return new RawPayload(platform, TENANT, RAW_ID, type, body, Map.of(), Instant.parse("2026-03-05T12:00:00Z"));
    }

    static List<TicketNormalized> normalize(TicketNormalizer normalizer, String body) {
        return normalizer.normalize(raw(normalizer.platform(), body));
    }

    static TicketNormalized single(TicketNormalizer normalizer, String body) {
        List<TicketNormalized> tickets = normalize(normalizer, body);
        if (tickets.size() != 1) {
            throw new AssertionError("expected one ticket, got " + tickets.size());
        }
        return tickets.get(0);
    }

    static TicketNormalized fromFile(TicketNormalizer normalizer, String name) {
        return single(normalizer, read(normalizer.platform(), name));
    }

    /** A body of about {@code bytes} UTF-8 bytes: paragraphs of mixed text, unique per paragraph. */
    static String largeText(int bytes) {
        StringBuilder text = new StringBuilder(bytes + 200);
        for (int i = 0; text.length() < bytes; i++) {
            text.append("Log line ").append(i).append(": disk C: at 97% on FS-01, müssen wir prüfen.\n");
        }
        return text.toString();
    }

    static long millis(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    /** @return {@code text} as a JSON string literal, quotes included */
    static String json(String text) {
        return jakarta.json.Json.createValue(text).toString();
    }
}
