package omega.titans.api;

/**
 * One external titan's use by one tenant in one calendar month (UTC): calls, tokens and their cost.
 *
 * @param model   the provider's model the calls went to
 * @param costUsd at the configured or listed price of the model (0 for a model without a price)
 */
public record TitanSpend(String titanId, String model, long calls, long inputTokens, long outputTokens,
                         double costUsd) {
}
