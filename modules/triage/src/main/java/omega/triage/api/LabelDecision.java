package omega.triage.api;

import java.util.List;

import omega.titans.api.Alternative;
import omega.titans.api.Tier;

/**
 * The decision for one label. {@code value} is null when nothing could decide it (cold start): then confidence is 0,
 * tier MANUAL and {@code reason} says why. {@code titans} are the titans whose vote was {@code value}.
 */
public record LabelDecision(String value, double confidence, Tier tier, List<Alternative> alternatives,
                            List<String> titans, String reason) {
}
