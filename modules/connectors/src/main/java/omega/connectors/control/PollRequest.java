package omega.connectors.control;

import java.time.Instant;

import omega.connectors.api.PsaPlatform;
import omega.connectors.entity.Connection;

/**
 * One page request against a PSA API.
 *
 * @param since   updated-since cursor
 * @param page    page index from 0
 * @param nextUrl the URL of the next page when the API hands one out (Autotask), else null
 * @param token   a session token obtained earlier in this poll (Kaseya BMS), else null
 */
public record PollRequest(PsaPlatform platform, String baseUrl, String username, String secret, String company,
        String clientId, String integrationCode, Instant since, int page, int pageSize, String nextUrl, String token) {

    /** @param secret the connection's opened secret; integrationCode likewise */
    static PollRequest first(Connection c, String secret, String integrationCode, Instant since, int pageSize) {
        return new PollRequest(PsaPlatform.fromSlug(c.platform()), c.baseUrl(), c.username(), secret, c.company(),
                c.clientId(), integrationCode, since, 0, pageSize, null, null);
    }

    PollRequest next(String nextUrl, String token) {
        return new PollRequest(platform, baseUrl, username, secret, company, clientId, integrationCode, since, page + 1,
                pageSize, nextUrl, token);
    }
}
