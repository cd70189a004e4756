package omega.titans.api;

import java.time.YearMonth;
import java.util.List;

/** What the external titans cost a tenant: read by the dashboard's insights. */
public interface TitanUsage {

    /** @return one entry per titan and model the tenant used in that month, by titan id; empty when none */
    List<TitanSpend> spend(String tenantId, YearMonth month);
}
