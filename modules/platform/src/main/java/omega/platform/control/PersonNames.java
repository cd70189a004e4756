package omega.platform.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads person names out of a ticket's requester fields: {@code Ann Smith}, {@code Smith, Ann},
 * {@code "Ann Smith" <ann@acme.example>}, {@code Dr. Ann Smith}, or an address such as
 * {@code ann.smith@acme.example} (a two- or three-part local part that is not a role mailbox).
 */
final class PersonNames {

    private static final Pattern EMAIL = EmailDetector.EMAIL;
    private static final Pattern NAME_PART = Pattern.compile("\\p{L}[\\p{L}'’-]*\\p{L}|\\p{L}");
    private static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir");
    private static final Set<String> ROLE_WORDS = Set.of(
            "admin", "administrator", "billing", "contact", "help", "helpdesk", "info", "it", "mail", "noreply",
            "no", "reply", "office", "sales", "service", "servicedesk", "support", "team", "tickets", "desk");

    /** A name as written, and its parts (first, middle, last) that may appear on their own. */
    record Name(String full, List<String> parts) {
    }

    private PersonNames() {
    }

    /** @return the e-mail addresses in a text, as name sources */
    static List<String> addressesIn(String text) {
        return EMAIL.matcher(text).results().map(m -> m.group()).toList();
    }

    static List<Name> from(Iterable<String> fields) {
        Set<Name> names = new LinkedHashSet<>();
        for (String field : fields) {
            if (field == null || field.isBlank()) {
                continue;
            }
            EMAIL.matcher(field).results().map(m -> fromAddress(m.group())).filter(n -> n != null).forEach(names::add);
            Name written = fromWords(EMAIL.matcher(field).replaceAll(" "));
            if (written != null) {
                names.add(written);
            }
        }
        return List.copyOf(names);
    }

    private static Name fromWords(String field) {
        String cleaned = field.replaceAll("[<>\"()\\[\\]]", " ").trim();
        int comma = cleaned.indexOf(',');
        if (comma > 0 && cleaned.indexOf(',', comma + 1) < 0) {
            cleaned = cleaned.substring(comma + 1).trim() + " " + cleaned.substring(0, comma).trim();
        }
        List<String> parts = new ArrayList<>();
        NAME_PART.matcher(cleaned).results().map(m -> m.group())
                .filter(p -> !HONORIFICS.contains(p.toLowerCase(Locale.ROOT)))
                .forEach(parts::add);
        return parts.isEmpty() ? null : new Name(String.join(" ", parts), parts);
    }

    private static Name fromAddress(String address) {
        String local = address.substring(0, address.indexOf('@')).replaceAll("\\+.*", "");
        List<String> parts = Arrays.asList(local.split("[._-]+"));
        boolean personal = parts.size() >= 2 && parts.size() <= 3 && parts.stream()
                .allMatch(p -> p.length() >= 2 && p.chars().allMatch(Character::isLetter)
                        && !ROLE_WORDS.contains(p.toLowerCase(Locale.ROOT)));
        if (!personal) {
            return null;
        }
        List<String> capitalized = parts.stream().map(PersonNames::capitalize).toList();
        return new Name(String.join(" ", capitalized), capitalized);
    }

    private static String capitalize(String part) {
        String lower = part.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
