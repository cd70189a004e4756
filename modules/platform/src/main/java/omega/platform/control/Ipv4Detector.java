package omega.platform.control;

import java.util.List;
import java.util.regex.Pattern;

/** Dotted-quad IPv4 addresses; a version string such as {@code v1.2.3.4} or {@code 1.2.3.4.5} is not one. */
final class Ipv4Detector implements PiiDetector {

    private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(
            "(?<![\\p{L}\\p{N}_.])" + OCTET + "(?:\\." + OCTET + "){3}(?![\\p{L}\\p{N}_]|\\.\\d)");

    @Override
    public PiiKind kind() {
        return PiiKind.IP;
    }

    @Override
    public List<PiiMatch> find(String text) {
        return IPV4.matcher(text).results()
                .map(m -> new PiiMatch(m.start(), m.end(), m.group(), m.group()))
                .toList();
    }

    static boolean isIpv4(String candidate) {
        return Pattern.matches(OCTET + "(?:\\." + OCTET + "){3}", candidate);
    }
}
