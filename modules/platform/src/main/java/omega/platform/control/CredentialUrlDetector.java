package omega.platform.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * URLs that carry credentials: user info ({@code https://user:secret@host}) or a query/fragment parameter that
 * names a token, key, signature, code or password. URLs without credentials stay readable.
 */
final class CredentialUrlDetector implements PiiDetector {

    private static final Pattern URL = Pattern.compile(
            "(?i)(?<![\\p{L}\\p{N}])(?:https?|ftps?|wss?|sftp|smb)://[^\\s<>\"'`{}|\\\\^]+");
    private static final String TRAILING_PUNCTUATION = ".,;:!?)]}'\"";
    private static final Set<String> SECRET_NAMES = Set.of(
            "token", "key", "sig", "code", "password", "pass", "passwd", "pwd", "secret", "auth", "otp",
            "session", "sessionid", "sid", "jwt", "signature", "credential", "credentials", "apikey", "ticket");
    private static final List<String> SECRET_SUFFIXES = List.of(
            "token", "_key", "key", "secret", "signature", "password", "credential", "_sig");

    @Override
    public PiiKind kind() {
        return PiiKind.URL;
    }

    @Override
    public List<PiiMatch> find(String text) {
        List<PiiMatch> found = new ArrayList<>();
        Matcher matcher = URL.matcher(text);
        while (matcher.find()) {
            String url = trimTrailing(matcher.group());
            if (carriesCredentials(url)) {
                found.add(new PiiMatch(matcher.start(), matcher.start() + url.length(), url, url));
            }
        }
        return found;
    }

    static boolean carriesCredentials(String url) {
        int afterScheme = url.indexOf("://") + 3;
        int authorityEnd = firstOf(url, afterScheme, "/?#");
        if (url.substring(afterScheme, authorityEnd).contains("@")) {
            return true;
        }
        int query = firstOf(url, authorityEnd, "?#");
        if (query == url.length()) {
            return false;
        }
        for (String pair : url.substring(query + 1).split("[&;#?]")) {
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT).replace('-', '_');
            if (eq > 0 && eq < pair.length() - 1 && isSecretName(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSecretName(String name) {
        return SECRET_NAMES.contains(name) || SECRET_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    private static int firstOf(String url, int from, String chars) {
        for (int i = from; i < url.length(); i++) {
            if (chars.indexOf(url.charAt(i)) >= 0) {
                return i;
            }
        }
        return url.length();
    }

    private static String trimTrailing(String url) {
        int end = url.length();
        while (end > 0 && TRAILING_PUNCTUATION.indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }
}
