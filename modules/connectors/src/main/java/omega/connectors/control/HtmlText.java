package omega.connectors.control;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ticket bodies as plain text. HTML (recognised by its tags) loses its tags, comments, scripts and styles;
 * block elements become line breaks, list items "- " lines, blockquote lines are prefixed with "> " (so
 * {@link ReplyTrimmer} can see quoted replies) and entities are decoded. Plain text keeps its characters.
 * Either way line endings become \n, trailing blanks and runs of blank lines go. One linear pass, no
 * backtracking regular expressions over the body.
 */
public final class HtmlText {

    private static final Pattern HTML_TAG = Pattern.compile("<(?:/?(?:p|br|div|span|html|body|head|table|tbody|thead"
            + "|tr|td|th|li|ul|ol|b|i|u|strong|em|a|font|h[1-6]|blockquote|img|hr|pre|style|script|meta|title|center"
            + "|section|article|header|footer|small|code)\\b|!--|!doctype)", Pattern.CASE_INSENSITIVE);

    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
            "pre", "hr");
    private static final Set<String> LINES = Set.of("div", "tr", "section", "article", "header", "footer", "center",
            "dl", "dt", "dd", "address");
    private static final Set<String> INVISIBLE = Set.of("script", "style", "head", "title");

    private HtmlText() {
    }

    /** @return the text of an HTML or plain-text body; "" for null */
    public static String toText(String body) {
        if (body == null || body.isEmpty()) {
            return "";
        }
        return tidy(looksLikeHtml(body) ? new Conversion(body).run() : body);
    }

    static boolean looksLikeHtml(String text) {
        return text.indexOf('<') >= 0 && HTML_TAG.matcher(text).find();
    }

    /** Line endings to \n, no trailing blanks, at most one blank line in a row, no blank lines around. */
    static String tidy(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int blankLines = 0;
        int start = 0;
        int n = text.length();
        while (start <= n) {
            int end = start;
            while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            int stop = end;
            while (stop > start && isBlank(text.charAt(stop - 1))) {
                stop--;
            }
            if (stop == start) {
                blankLines++;
            } else {
                if (out.length() > 0) {
                    out.append(blankLines > 0 ? "\n\n" : "\n");
                }
                blankLines = 0;
                for (int i = start; i < stop; i++) {
                    char c = text.charAt(i);
                    out.append(c == '\u00A0' ? ' ' : c);
                }
            }
            if (end < n && text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n') {
                end++;
            }
            start = end + 1;
        }
        return out.toString();
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0' || c == '\f' || c == '\u000B';
    }

    /** One HTML-to-text pass over one body. */
    private static final class Conversion {

        private final String html;
        private final StringBuilder out;
        private int quoteDepth;
        private boolean pre;
        private boolean lineStart = true;

        Conversion(String html) {
            this.html = html;
            this.out = new StringBuilder(html.length() / 2 + 16);
        }

        String run() {
            int i = 0;
            int n = html.length();
            while (i < n) {
                char c = html.charAt(i);
                if (c == '<') {
                    i = tag(i);
                } else if (c == '&') {
                    i = entity(i);
                } else {
                    character(c);
                    i++;
                }
            }
            return out.toString();
        }

        private int tag(int at) {
            if (html.startsWith("<!--", at)) {
                int end = html.indexOf("-->", at + 4);
                return end < 0 ? html.length() : end + 3;
            }
            int end = tagEnd(at);
            int nameStart = at + 1;
            boolean closing = nameStart < html.length() && html.charAt(nameStart) == '/';
            if (closing) {
                nameStart++;
            }
            int nameEnd = nameStart;
            while (nameEnd < html.length() && (Character.isLetterOrDigit(html.charAt(nameEnd)) || html.charAt(nameEnd) == '!')) {
                nameEnd++;
            }
            if (end < 0 || nameEnd == nameStart) {
                text("<");
                return at + 1;
            }
            String name = html.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
            if (!closing && INVISIBLE.contains(name)) {
                return skipElement(name, end + 1);
            }
            element(name, closing);
            return end + 1;
        }

        private void element(String name, boolean closing) {
            switch (name) {
                case "br" -> newline();
                case "li" -> {
                    lineBreak();
                    if (!closing) {
                        text("- ");
                    }
                }
                case "td", "th" -> space();
                case "blockquote" -> {
                    paragraph();
                    quoteDepth = Math.max(0, quoteDepth + (closing ? -1 : 1));
                }
                default -> {
                    if (PARAGRAPHS.contains(name)) {
                        paragraph();
                        if (name.equals("pre")) {
                            pre = !closing;
                        }
                    } else if (LINES.contains(name)) {
                        lineBreak();
                    }
                }
            }
        }

        /** @return the index of the '>' closing the tag at {@code at} (quoted attribute values may hold '>'), or -1 */
        private int tagEnd(int at) {
            char quote = 0;
            for (int i = at + 1; i < html.length(); i++) {
                char c = html.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '>') {
                    return i;
                } else if (c == '<') {
                    return -1;
                }
            }
            return -1;
        }

        private int skipElement(String name, int from) {
            int close = indexOfIgnoreCase("</" + name, from);
            if (close < 0) {
                return html.length();
            }
            int end = html.indexOf('>', close);
            return end < 0 ? html.length() : end + 1;
        }

        private int indexOfIgnoreCase(String needle, int from) {
            for (int i = html.indexOf('<', from); i >= 0 && i + needle.length() <= html.length(); i = html.indexOf('<', i + 1)) {
                if (html.regionMatches(true, i, needle, 0, needle.length())) {
                    return i;
                }
            }
            return -1;
        }

        private int entity(int at) {
            int semi = -1;
            for (int i = at + 1; i < html.length() && i <= at + 12; i++) {
                char c = html.charAt(i);
                if (c == ';') {
                    semi = i;
                    break;
                }
                if (!Character.isLetterOrDigit(c) && c != '#') {
                    break;
                }
            }
            String decoded = semi < 0 ? null : HtmlEntities.decode(html.substring(at + 1, semi));
            if (decoded == null) {
                character('&');
                return at + 1;
            }
            text(decoded);
            return semi + 1;
        }

        private void text(String text) {
            for (int i = 0; i < text.length(); i++) {
                character(text.charAt(i));
            }
        }

        private void character(char c) {
            if (pre && c == '\n') {
                newline();
                return;
            }
            if (!pre && (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f')) {
                space();
                return;
            }
            if (lineStart) {
                for (int q = 0; q < quoteDepth; q++) {
                    out.append("> ");
                }
                lineStart = false;
            }
            out.append(c);
        }

        private void space() {
            if (!lineStart && out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        }

        /** A line break as written ({@code <br>}, a newline in {@code <pre>}); at most one blank line in a row. */
        private void newline() {
            int len = out.length();
            if (len >= 2 && out.charAt(len - 1) == '\n' && out.charAt(len - 2) == '\n') {
                return;
            }
            out.append('\n');
            lineStart = true;
        }

        /** Ends the current line, if anything is on it. */
        private void lineBreak() {
            if (!lineStart) {
                newline();
            }
        }

        /** Ends the current line and leaves one blank line. */
        private void paragraph() {
            lineBreak();
            if (out.length() > 0) {
                newline();
            }
        }
    }
}
