package omega.titans.control.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import omega.titans.api.TitanAnswer;
import omega.titans.api.TitanRequest;

/**
 * The PII test: a ticket full of personal data goes through every external titan; the fake providers
 * capture what was sent. No original value may appear in any request (raw, JSON-escaped or in another letter case),
 * and the answer — whose value and explanation the provider writes with the tokens it was sent — comes back with
 * the originals restored.
 */
class PiiNeverLeavesTest {

    private static final String TICKET = """
            Priya Raman here (priya.raman@northwind.example, mobile +1 (415) 555-0134, desk 020 7946 0321).
            Since Monday the VPN at 198.51.100.23 and the IPv6 gateway 2001:db8:abcd:12::1 reject me. The reset link
            https://sso.northwind.example/reset?token=Q2hhbmdlTWUh&user=praman never worked, and my card
            4111 1111 1111 1111 was billed for the VPN licence twice. Tom O'Neil (tom.oneil@northwind.example) approved
            a new token. Regards, Priya
            """;
    private static final List<String> REQUESTER = List.of("Priya Raman <priya.raman@northwind.example>");
    /** assignee values are technicians' addresses: they must not leave either */
    private static final Set<String> TECHNICIANS = Set.of("jane.doe@msp.example", "omar.haddad@msp.example");
    private static final List<String> PERSONAL_DATA = List.of(
            "Priya Raman", "priya.raman@northwind.example", "+1 (415) 555-0134", "415) 555-0134", "555-0134",
            "020 7946 0321", "198.51.100.23", "2001:db8:abcd:12::1", "Q2hhbmdlTWUh",
            "https://sso.northwind.example/reset", "4111 1111 1111 1111", "Tom O'Neil", "O'Neil",
            "tom.oneil@northwind.example", "jane.doe@msp.example", "omar.haddad@msp.example", "Priya", "Raman");
    private static final Pattern TOKEN = Pattern.compile("<(EMAIL|NAME|IP)_\\d+>");

    @ParameterizedTest
    @EnumSource(Provider.class)
    void noOriginalValueReachesTheProviderAndTheAnswerIsRestored(Provider provider) throws Exception {
        try (Rig rig = new Rig(provider)) {
            rig.fake.respond(request -> {
                List<String> emails = tokens(request.body(), "EMAIL");
                String assignee = emails.get(1);
                String explanation = "Route to " + assignee + ": " + tokens(request.body(), "NAME").get(0)
                        + " cannot reach " + tokens(request.body(), "IP").get(0) + ".";
                return FakeProvider.Reply.json(200, rig.success(
                        Wire.answer(assignee, 0.74, explanation, emails.get(0), 0.2)));
            });

            TitanAnswer answer = rig.titan.classify(new TitanRequest(Rig.TENANT, "assignee", TICKET, TECHNICIANS),
                    REQUESTER);

            FakeProvider.Received sent = rig.fake.received().get(0);
            for (String value : PERSONAL_DATA) {
                assertNoLeak(sent.body(), value);
                sent.headers().values().forEach(header -> assertNoLeak(header.toString(), value));
                assertFalse(sent.path().contains(value), value + " in the path");
            }
            assertTrue(sent.body().contains("<CARD_1>") && sent.body().contains("<URL_1>")
                    && sent.body().contains("<PHONE_2>"), "the ticket was sent, tokenized: " + sent.body());

            assertEquals("omar.haddad@msp.example", answer.value());
            assertEquals("jane.doe@msp.example", answer.alternatives().get(1).value());
            assertEquals("Route to omar.haddad@msp.example: Priya Raman cannot reach 198.51.100.23.",
                    answer.explanation());
        }
    }

    private static void assertNoLeak(String sent, String value) {
        String escaped = Json.createValue(value).toString();
        escaped = escaped.substring(1, escaped.length() - 1);
        assertFalse(sent.contains(value), value + " leaked: " + sent);
        assertFalse(sent.contains(escaped), value + " leaked JSON-escaped: " + sent);
        assertFalse(sent.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT)),
                value + " leaked in another case: " + sent);
    }

    /** The distinct tokens of one kind in the order they first appear (the label values come first). */
    private static List<String> tokens(String body, String kind) {
        List<String> found = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(body);
        while (matcher.find()) {
            if (matcher.group(1).equals(kind) && !found.contains(matcher.group())) {
                found.add(matcher.group());
            }
        }
        return found;
    }
}
