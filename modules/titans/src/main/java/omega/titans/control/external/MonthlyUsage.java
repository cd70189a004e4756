package omega.titans.control.external;

import java.time.YearMonth;

/** One tenant's external titan use in one calendar month (UTC). */
public record MonthlyUsage(String tenantId, YearMonth month, long calls, long inputTokens, long outputTokens,
                           double costUsd) {

    MonthlyUsage plus(long inputTokens, long outputTokens, double costUsd) {
        return new MonthlyUsage(tenantId, month, calls + 1, this.inputTokens + inputTokens,
                this.outputTokens + outputTokens, this.costUsd + costUsd);
    }
}
