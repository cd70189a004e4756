package omega.connectors.control;

/**
 * One page from a PSA API.
 *
 * @param body    the page exactly as received (a payload the platform's normalizer reads)
 * @param records how many tickets it holds
 * @param more    whether another page follows
 * @param nextUrl the next page's URL when the API gives one
 * @param token   the session token to reuse for the next page (Kaseya BMS)
 */
public record PollPage(String body, int records, boolean more, String nextUrl, String token) {
}
