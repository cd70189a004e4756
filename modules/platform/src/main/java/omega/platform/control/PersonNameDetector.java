package omega.platform.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The requester's names wherever they occur: the full name in any letter case and spacing, reversed as
 * {@code Smith, Ann}, and each part on its own when it starts with a capital ({@code Ann}, {@code Smith}) —
 * lower-case words are too often ordinary ("will", "mark") to be taken as names. Apostrophes and hyphens inside a
 * name are optional, so {@code oneil} from an address finds {@code O'Neil}.
 */
final class PersonNameDetector implements PiiDetector {

    private static final String BEFORE = "(?<![\\p{L}\\p{N}_])";
    private static final String AFTER = "(?![\\p{L}\\p{N}_])";
    private static final String SPACE = "[\\s\\u00A0]+";
    private static final String JOINER = "['’-]?";

    private final Pattern fullNames;
    private final Pattern parts;

    PersonNameDetector(List<PersonNames.Name> names) {
        Set<String> full = new LinkedHashSet<>();
        Set<String> single = new LinkedHashSet<>();
        for (PersonNames.Name name : names) {
            List<String> letters = name.parts().stream().map(p -> p.replaceAll("['’-]", "")).toList();
            if (letters.size() > 1) {
                full.add(String.join(SPACE, letters.stream().map(PersonNameDetector::loose).toList()));
                full.add(String.join(SPACE, letters.subList(1, letters.size()).stream().map(PersonNameDetector::loose)
                        .toList()) + ",[\\s\\u00A0]*" + loose(letters.get(0)));
            }
            letters.stream().filter(p -> p.length() >= 2).map(PersonNameDetector::capitalized).forEach(single::add);
        }
        this.fullNames = alternation(full, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        this.parts = alternation(single, 0);
    }

    @Override
    public PiiKind kind() {
        return PiiKind.NAME;
    }

    @Override
    public List<PiiMatch> find(String text) {
        List<PiiMatch> found = new ArrayList<>();
        boolean[] taken = new boolean[text.length()];
        collect(fullNames, text, found, taken);
        collect(parts, text, found, taken);
        found.sort(Comparator.comparingInt(PiiMatch::start));
        return found;
    }

    /** Letters in any case, each optionally preceded by an apostrophe or hyphen. */
    private static String loose(String letters) {
        StringBuilder regex = new StringBuilder();
        letters.codePoints().forEach(c -> {
            if (regex.length() > 0) {
                regex.append(JOINER);
            }
            regex.append(Pattern.quote(new String(Character.toChars(c))));
        });
        return regex.toString();
    }

    /** The first letter as a capital, the rest loose and in any case. */
    private static String capitalized(String letters) {
        int first = letters.codePointAt(0);
        String rest = letters.substring(Character.charCount(first));
        return Pattern.quote(new String(Character.toChars(Character.toUpperCase(first))))
                + "(?iu:" + JOINER + loose(rest) + ")";
    }

    private static void collect(Pattern pattern, String text, List<PiiMatch> found, boolean[] taken) {
        if (pattern == null) {
            return;
        }
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            if (!taken[matcher.start()] && !taken[matcher.end() - 1]) {
                String key = matcher.group().toLowerCase(Locale.ROOT).replaceAll("[\\s\\u00A0]+", " ");
                found.add(new PiiMatch(matcher.start(), matcher.end(), matcher.group(), key));
                for (int i = matcher.start(); i < matcher.end(); i++) {
                    taken[i] = true;
                }
            }
        }
    }

    private static Pattern alternation(Set<String> regexes, int flags) {
        if (regexes.isEmpty()) {
            return null;
        }
        List<String> sorted = new ArrayList<>(regexes);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return Pattern.compile(BEFORE + "(?:" + String.join("|", sorted) + ")" + AFTER, flags);
    }
}
