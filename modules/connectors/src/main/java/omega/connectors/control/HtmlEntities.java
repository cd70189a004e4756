package omega.connectors.control;

import java.util.Map;

/** HTML character references: numeric ({@code &#8212;}, {@code &#x2713;}) and the named ones mail bodies use. */
final class HtmlEntities {

    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("ndash", "\u2013"), Map.entry("mdash", "\u2014"),
            Map.entry("hellip", "\u2026"), Map.entry("lsquo", "\u2018"), Map.entry("rsquo", "\u2019"),
            Map.entry("ldquo", "\u201C"), Map.entry("rdquo", "\u201D"), Map.entry("bull", "\u2022"),
            Map.entry("middot", "\u00B7"), Map.entry("copy", "\u00A9"), Map.entry("reg", "\u00AE"),
            Map.entry("trade", "\u2122"), Map.entry("euro", "\u20AC"), Map.entry("pound", "\u00A3"),
            Map.entry("deg", "\u00B0"), Map.entry("times", "\u00D7"), Map.entry("laquo", "\u00AB"),
            Map.entry("raquo", "\u00BB"), Map.entry("shy", ""), Map.entry("zwnj", ""), Map.entry("zwj", ""),
            Map.entry("auml", "\u00E4"), Map.entry("ouml", "\u00F6"), Map.entry("uuml", "\u00FC"),
            Map.entry("Auml", "\u00C4"), Map.entry("Ouml", "\u00D6"), Map.entry("Uuml", "\u00DC"),
            Map.entry("szlig", "\u00DF"), Map.entry("eacute", "\u00E9"), Map.entry("egrave", "\u00E8"),
            Map.entry("agrave", "\u00E0"), Map.entry("ccedil", "\u00E7"), Map.entry("ntilde", "\u00F1"));

    private HtmlEntities() {
    }

    /** @return the text of {@code &name;} ({@code name} without {@code &} and {@code ;}), or null when unknown */
    static String decode(String name) {
        if (name.startsWith("#")) {
            try {
                int codePoint = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                        ? Integer.parseInt(name.substring(2), 16)
                        : Integer.parseInt(name.substring(1));
                return Character.isValidCodePoint(codePoint) && codePoint != 0
                        ? new String(Character.toChars(codePoint)) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return NAMED.get(name);
    }
}
