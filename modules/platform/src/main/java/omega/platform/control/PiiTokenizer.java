package omega.platform.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import omega.platform.api.PiiRedactor;
import omega.platform.api.Redaction;

/**
 * Tokenizes personal data before a text leaves OMEGA. Detectors run in a fixed order — credential URLs, e-mail
 * addresses, IPv6, IPv4, card numbers, phone numbers, then the requester's names — each on the text the earlier
 * ones produced, so a value inside an already tokenized one (the e-mail in a URL's user info, the digits of a
 * card) is never tokenized twice. Names come from the requester fields and from personal e-mail addresses in the
 * text itself ({@code ann.smith@...} makes a signature "Ann" a name).
 */
@ApplicationScoped
public class PiiTokenizer implements PiiRedactor {

    private static final Pattern TOKEN = Pattern.compile("<(?:EMAIL|PHONE|IP|NAME|URL|CARD)_\\d+>");
    private static final List<PiiDetector> FIXED = List.of(
            new CredentialUrlDetector(), new EmailDetector(), new Ipv6Detector(), new Ipv4Detector(),
            new CardNumberDetector(), new PhoneNumberDetector());

    @Override
    public Redaction redact(String text, Collection<String> personNames) {
        String source = text == null ? "" : text;
        List<PiiDetector> detectors = new ArrayList<>(FIXED);
        List<String> nameFields = new ArrayList<>(personNames == null ? List.of() : personNames);
        nameFields.addAll(PersonNames.addressesIn(source));
        List<PersonNames.Name> names = PersonNames.from(nameFields);
        if (!names.isEmpty()) {
            detectors.add(new PersonNameDetector(names));
        }
        TokenTable tokens = new TokenTable(source);
        String redacted = source;
        for (PiiDetector detector : detectors) {
            redacted = replace(redacted, detector, tokens);
        }
        return new Redaction(redacted, tokens.originals());
    }

    private static String replace(String text, PiiDetector detector, TokenTable tokens) {
        boolean[] tokenized = tokenizedPositions(text);
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (PiiMatch match : detector.find(text)) {
            if (match.start() < copied || overlaps(tokenized, match)) {
                continue;
            }
            out.append(text, copied, match.start()).append(tokens.tokenFor(detector.kind(), match));
            copied = match.end();
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static boolean[] tokenizedPositions(String text) {
        boolean[] positions = new boolean[text.length()];
        TOKEN.matcher(text).results().forEach(m -> {
            for (int i = m.start(); i < m.end(); i++) {
                positions[i] = true;
            }
        });
        return positions;
    }

    private static boolean overlaps(boolean[] tokenized, PiiMatch match) {
        for (int i = match.start(); i < match.end(); i++) {
            if (tokenized[i]) {
                return true;
            }
        }
        return false;
    }
}
