package omega.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import omega.platform.api.Redaction;

class PiiTokenizerTest {

    private final PiiTokenizer tokenizer = new PiiTokenizer();

    static Stream<Arguments> personalData() {
        return Stream.of(
                // e-mail addresses
                Arguments.of("EMAIL", "Please reply to ann.smith@acme-dental.example today", "ann.smith@acme-dental.example"),
                Arguments.of("EMAIL", "From: \"Bob\" <bob+tickets@mail.contoso.co.uk>", "bob+tickets@mail.contoso.co.uk"),
                Arguments.of("EMAIL", "mailto:IT.Help@Example.ORG.", "IT.Help@Example.ORG"),
                Arguments.of("EMAIL", "cc jürgen.müller@beispiel.de bitte", "jürgen.müller@beispiel.de"),
                // phone numbers
                Arguments.of("PHONE", "call me at +1 (555) 123-4567 ext. 89 after lunch", "+1 (555) 123-4567 ext. 89"),
                Arguments.of("PHONE", "my desk: 555-867-5309.", "555-867-5309"),
                Arguments.of("PHONE", "Mobile 555.234.5678 anytime", "555.234.5678"),
                Arguments.of("PHONE", "UK office +44 20 7946 0958 is down", "+44 20 7946 0958"),
                Arguments.of("PHONE", "Zentrale 0049 30 1234567, danke", "0049 30 1234567"),
                Arguments.of("PHONE", "ring (020) 7946 0958 please", "(020) 7946 0958"),
                Arguments.of("PHONE", "local 867-5309 works", "867-5309"),
                Arguments.of("PHONE", "tel: 5551234567", "5551234567"),
                Arguments.of("PHONE", "London 020 7946 0958 reception", "020 7946 0958"),
                // IPv4 and IPv6
                Arguments.of("IP", "VPN gateway 203.0.113.45 refuses logins.", "203.0.113.45"),
                Arguments.of("IP", "server at 10.0.0.1:3389 is slow", "10.0.0.1"),
                Arguments.of("IP", "ping 2001:db8:85a3::8a2e:370:7334 fails", "2001:db8:85a3::8a2e:370:7334"),
                Arguments.of("IP", "full form 2001:0db8:0000:0000:0000:ff00:0042:8329 here", "2001:0db8:0000:0000:0000:ff00:0042:8329"),
                Arguments.of("IP", "link-local fe80::1ff:fe23:4567:890a%eth0.", "fe80::1ff:fe23:4567:890a%eth0"),
                Arguments.of("IP", "mapped ::ffff:192.0.2.128 seen", "::ffff:192.0.2.128"),
                Arguments.of("IP", "browse to http://[2001:db8::1]:8080/ now", "2001:db8::1"),
                // credential URLs
                Arguments.of("URL", "reset link https://login.example.com/reset?user=7&token=abc123XYZ now",
                        "https://login.example.com/reset?user=7&token=abc123XYZ"),
                Arguments.of("URL", "blob https://acct.blob.core.windows.net/c/f.pdf?sv=2022-11-02&sig=Zm9vYmFy%3D).",
                        "https://acct.blob.core.windows.net/c/f.pdf?sv=2022-11-02&sig=Zm9vYmFy%3D"),
                Arguments.of("URL", "oauth https://app.example/cb?code=4/0AX4XfWh&state=x",
                        "https://app.example/cb?code=4/0AX4XfWh&state=x"),
                Arguments.of("URL", "ftp://backup:S3cr3t!@files.example.net/dump.sql is public",
                        "ftp://backup:S3cr3t!@files.example.net/dump.sql"),
                Arguments.of("URL", "implicit https://spa.example/#access_token=eyJhbGciOi.abc&expires_in=3600",
                        "https://spa.example/#access_token=eyJhbGciOi.abc&expires_in=3600"),
                Arguments.of("URL", "api https://api.example/v1/x?api_key=k-123 down", "https://api.example/v1/x?api_key=k-123"),
                Arguments.of("URL", "https://old.example/login?password=hunter2", "https://old.example/login?password=hunter2"),
                // payment cards (Luhn-valid test numbers)
                Arguments.of("CARD", "card 4111 1111 1111 1111 was charged twice", "4111 1111 1111 1111"),
                Arguments.of("CARD", "MC 5500-0000-0000-0004.", "5500-0000-0000-0004"),
                Arguments.of("CARD", "amex 378282246310005 expired", "378282246310005"),
                Arguments.of("CARD", "old visa 4222222222222 declined", "4222222222222"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("personalData")
    void replacesPersonalDataWithAToken(String kind, String text, String value) {
        Redaction redaction = tokenizer.redact(text, List.of());

        assertFalse(redaction.text().contains(value), redaction.text());
        assertEquals(text.replace(value, "<" + kind + "_1>"), redaction.text());
        assertEquals(Map.of("<" + kind + "_1>", value), redaction.originals());
        assertEquals(text, redaction.restore(redaction.text()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Meeting on 2024-11-22 at 10:30:00, ticket #1234567 reopened.",
            "Build 10.0.19045.3693 and version v1.2.3.4 are installed; see KB5034441.",
            "Invoice INV-2024-00042 for $1,234.56 (due 22/11/2024).",
            "MAC 00:1a:2b:3c:4d:5e on port 8080, switch stack 1:2:3.",
            "Card-like 4111 1111 1111 1112 fails Luhn; order 1741569952000 shipped.",
            "See https://portal.acme.example/login?lang=en&page=2 for details.",
            "Range 2019 2020 2021 and serial 5CD1234XYZ; std::vector<int> in C++.",
            "We will call back; mark it done.",
            "Ticket ZD-1001 at 09:30, 3 of 4 laptops, 120.5 GB free, 99.9% uptime."})
    void leavesOrdinaryTextAlone(String text) {
        Redaction redaction = tokenizer.redact(text, List.of("Will Mark"));

        assertEquals(text, redaction.text());
        assertEquals(0, redaction.size());
    }

    @Test
    void tokenizesTheRequestersNamesInEveryForm() {
        String text = "Hi, this is Ann Smith. ANN SMITH again; Smith, Ann is on the invoice. Ann's laptop and "
                + "Mrs Smith's phone. annual report untouched.";

        Redaction redaction = tokenizer.redact(text, List.of("Dr. Ann Smith <ann.smith@acme.example>"));

        assertEquals("Hi, this is <NAME_1>. <NAME_1> again; <NAME_2> is on the invoice. <NAME_3>'s laptop and "
                + "Mrs <NAME_4>'s phone. annual report untouched.", redaction.text());
        assertEquals("Ann Smith", redaction.originals().get("<NAME_1>"));
        assertEquals("Smith, Ann", redaction.originals().get("<NAME_2>"));
        assertEquals("Ann", redaction.originals().get("<NAME_3>"));
        assertEquals("Smith", redaction.originals().get("<NAME_4>"));
    }

    @Test
    void readsNamesFromReversedAndUnicodeRequesterFields() {
        Redaction redaction = tokenizer.redact("Grüße, José García-Núñez (García-Núñez, José)",
                List.of("García-Núñez, José"));

        assertEquals("Grüße, <NAME_1> (<NAME_2>)", redaction.text());
    }

    @Test
    void derivesNamesFromPersonalAddressesButNotFromRoleMailboxes() {
        String text = "From: john.doe@contoso.example\nTo: it.support@msp.example\nThanks, John\n"
                + "Support will reply.";

        Redaction redaction = tokenizer.redact(text, List.of());

        assertEquals("From: <EMAIL_1>\nTo: <EMAIL_2>\nThanks, <NAME_1>\nSupport will reply.", redaction.text());
        assertEquals("John", redaction.originals().get("<NAME_1>"));
    }

    @Test
    void lowerCaseNamePartsAreOrdinaryWords() {
        Redaction redaction = tokenizer.redact("Will says the printer will jam; ask Mark to mark it.",
                List.of("Will Mark"));

        assertEquals("<NAME_1> says the printer will jam; ask <NAME_2> to mark it.", redaction.text());
    }

    @Test
    void sameValueGetsTheSameTokenAndDifferentValuesDifferentTokens() {
        String text = "ann@acme.example wrote to bob@acme.example; cc ANN@ACME.EXAMPLE. "
                + "Hosts 10.1.1.1, 10.1.1.2, 10.1.1.1. Call 555-123-4567 or (555) 123-4567.";

        Redaction redaction = tokenizer.redact(text, List.of());

        assertEquals("<EMAIL_1> wrote to <EMAIL_2>; cc <EMAIL_1>. Hosts <IP_1>, <IP_2>, <IP_1>. "
                + "Call <PHONE_1> or <PHONE_1>.", redaction.text());
        assertEquals("ann@acme.example", redaction.originals().get("<EMAIL_1>"));
    }

    @Test
    void aValueInsideATokenizedOneIsNotTokenizedAgain() {
        Redaction redaction = tokenizer.redact(
                "https://ann.smith@acme.example:pw@vpn.example/?x=1 and +1 555 010 9999", List.of());

        assertEquals("<URL_1> and <PHONE_1>", redaction.text());
        assertEquals(2, redaction.size());
    }

    @Test
    void severalNumbersInOneRunAreTokenizedSeparately() {
        Redaction redaction = tokenizer.redact("phones: 555-123-4567 / 555-987-6543", List.of());

        assertEquals("phones: <PHONE_1> / <PHONE_2>", redaction.text());
    }

    @Test
    void neverHandsOutATokenThatTheTextAlreadyContains() {
        String text = "Template says <EMAIL_1> but the real one is ann@acme.example";

        Redaction redaction = tokenizer.redact(text, List.of());

        assertEquals("Template says <EMAIL_1> but the real one is <EMAIL_2>", redaction.text());
        assertEquals("Template says <EMAIL_1> but the real one is ann@acme.example",
                redaction.restore(redaction.text()));
    }

    @Test
    void restoresTokensInAnAnswerAndLeavesUnknownTokensAlone() {
        Redaction redaction = tokenizer.redact("Ann Smith (ann@acme.example, 203.0.113.9) cannot print",
                List.of("Ann Smith"));

        String answer = "Ask <NAME_1> to check <IP_1>; mail <EMAIL_1>. <PHONE_7> is unknown.";

        assertEquals("Ask Ann Smith to check 203.0.113.9; mail ann@acme.example. <PHONE_7> is unknown.",
                redaction.restore(answer));
        assertEquals(null, redaction.restore(null));
    }

    @Test
    void theCorpusRoundTripsAndLeaksNothing() {
        String ticket = """
                Hello team,
                I'm Priya Raman (priya.raman@northwind.example, +1 (415) 555-0134). Since 2024-11-22 09:30 our VPN
                at 198.51.100.23 and 2001:db8:abcd:12::1 rejects me. The reset link
                https://sso.northwind.example/reset?token=Q2hhbmdlTWUh&u=pr did not work, and the card
                5105 1051 0510 5100 got charged for the license. My manager Tom O'Neil (tom.oneil@northwind.example,
                020 7946 0321) approved. Priya
                """;
        List<String> pii = List.of("Priya Raman", "priya.raman@northwind.example", "+1 (415) 555-0134",
                "198.51.100.23", "2001:db8:abcd:12::1", "Q2hhbmdlTWUh", "5105 1051 0510 5100", "tom.oneil@northwind.example",
                "020 7946 0321", "Priya", "Raman", "O'Neil");

        Redaction redaction = tokenizer.redact(ticket, List.of("Priya Raman <priya.raman@northwind.example>"));

        pii.forEach(value -> assertFalse(redaction.text().contains(value), value + " leaked: " + redaction.text()));
        assertTrue(redaction.text().contains("2024-11-22 09:30"), "dates stay: " + redaction.text());
        assertEquals(ticket, redaction.restore(redaction.text()));
        Matcher tokens = Pattern.compile("<[A-Z]+_\\d+>").matcher(redaction.text());
        while (tokens.find()) {
            assertTrue(redaction.originals().containsKey(tokens.group()), tokens.group());
        }
    }

    @Test
    void theMappingStaysInMemoryAndOutOfToString() {
        Redaction redaction = tokenizer.redact("mail ann@acme.example", List.of());

        assertFalse(redaction.toString().contains("ann@acme.example"), redaction.toString());
        assertThrows(UnsupportedOperationException.class, () -> redaction.originals().put("<X_1>", "x"));
        assertNotEquals(redaction.text(), "mail ann@acme.example");
    }

    @Test
    void emptyAndNullTextsRedactToEmpty() {
        assertEquals("", tokenizer.redact(null, null).text());
        assertEquals("", tokenizer.redact("", List.of("Ann Smith")).text());
    }
}
