package omega.titans.api;

import java.util.Locale;

/** The tenant's monthly cost cap for external titans is reached: no external call is made; use the local titan. */
public class CostCapReachedException extends NonRetryableTitanException {

    public CostCapReachedException(String titanId, String tenantId, double spentUsd, double capUsd) {
        super(titanId, FailureKind.COST_CAP_REACHED, String.format(Locale.ROOT,
                "tenant %s spent %.4f USD this month, cap %.4f USD", tenantId, spentUsd, capUsd), null);
    }
}
