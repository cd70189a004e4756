package omega.platform.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPv6 addresses in every textual form (full, {@code ::}-compressed, IPv4-mapped, with a {@code %zone}). Each
 * candidate is validated, so times ({@code 10:30:00}) and MAC addresses ({@code 00:1a:2b:3c:4d:5e}) are left alone.
 */
final class Ipv6Detector implements PiiDetector {

    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![\\p{L}\\p{N}_:.])[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(?:%[\\p{Alnum}_.]+)?(?![\\p{L}\\p{N}_:])");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

    @Override
    public PiiKind kind() {
        return PiiKind.IP;
    }

    @Override
    public List<PiiMatch> find(String text) {
        List<PiiMatch> found = new ArrayList<>();
        Matcher matcher = CANDIDATE.matcher(text);
        while (matcher.find()) {
            String candidate = matcher.group();
            while (candidate.endsWith(".")) {
                candidate = candidate.substring(0, candidate.length() - 1);
            }
            int zone = candidate.indexOf('%');
            String address = zone < 0 ? candidate : candidate.substring(0, zone);
            if (isIpv6(address)) {
                found.add(new PiiMatch(matcher.start(), matcher.start() + candidate.length(), candidate,
                        candidate.toLowerCase(Locale.ROOT)));
            }
        }
        return found;
    }

    static boolean isIpv6(String address) {
        if (address.chars().filter(c -> c == ':').count() < 2) {
            return false;
        }
        int compressed = address.indexOf("::");
        if (compressed >= 0 && address.indexOf("::", compressed + 1) >= 0) {
            return false;
        }
        if (compressed < 0) {
            return groups(address) == 8;
        }
        String left = address.substring(0, compressed);
        String right = address.substring(compressed + 2);
        int leftGroups = left.isEmpty() ? 0 : groups(left);
        int rightGroups = right.isEmpty() ? 0 : groups(right);
        if (leftGroups < 0 || rightGroups < 0 || (left.contains(".") && !right.isEmpty())) {
            return false;
        }
        int total = leftGroups + rightGroups;
        return total >= 1 && total <= 7;
    }

    /** @return the number of 16-bit groups (an embedded IPv4 tail counts two), or -1 when malformed */
    private static int groups(String part) {
        String[] pieces = part.split(":", -1);
        int count = 0;
        for (int i = 0; i < pieces.length; i++) {
            String piece = pieces[i];
            if (i == pieces.length - 1 && piece.contains(".")) {
                if (!Ipv4Detector.isIpv4(piece)) {
                    return -1;
                }
                count += 2;
            } else if (HEX_GROUP.matcher(piece).matches()) {
                count++;
            } else {
                return -1;
            }
        }
        return count;
    }
}
