package omega.context.control;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * Tests against real PostgreSQL and Redis skip with a clear message when the service is not reachable, unless
 * {@code OMEGA_IT_REQUIRE_SERVICES=true} (CI), where an unreachable service fails the test.
 */
final class Services {

    private Services() {
    }

    static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("OMEGA_IT_REQUIRE_SERVICES"));
    }

    static void assumeReachable(boolean reachable, String what) {
        if (reachable) {
            return;
        }
        if (required()) {
            fail(what + " is not reachable and OMEGA_IT_REQUIRE_SERVICES=true");
        }
        Assumptions.abort(what + " is not reachable: skipped (set OMEGA_IT_REQUIRE_SERVICES=true to make it fail)");
    }
}
