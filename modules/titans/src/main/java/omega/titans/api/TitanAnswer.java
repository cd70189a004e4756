package omega.titans.api;

import java.util.List;
import java.util.Objects;

/**
 * A titan's answer for one label. {@code value} is null when the titan cannot decide (no model yet, one class only);
 * then {@code confidence} is 0 and {@code tier} is {@link Tier#MANUAL}. {@code alternatives} are the candidates,
 * best first (the answer's own value first). {@code explanation} is for a person: the nearest training examples for
 * the local titan, the model's rationale for an LLM. {@code failure} is set when this is the local titan's answer
 * standing in for an external titan that failed (its failure kind and message, e.g. {@code rate_limited: ...}).
 */
public record TitanAnswer(String value, double confidence, List<Alternative> alternatives, String titanId,
                          String modelVersion, Tier tier, String explanation, String failure) {

    public TitanAnswer(String value, double confidence, List<Alternative> alternatives, String titanId,
                       String modelVersion, Tier tier, String explanation) {
        this(value, confidence, alternatives, titanId, modelVersion, tier, explanation, null);
    }

    public TitanAnswer {
        Objects.requireNonNull(titanId, "titanId");
        Objects.requireNonNull(tier, "tier");
        alternatives = List.copyOf(alternatives == null ? List.of() : alternatives);
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
        }
        if (value == null && (confidence != 0 || tier != Tier.MANUAL)) {
            throw new IllegalArgumentException("an answer without a value has confidence 0 and tier MANUAL");
        }
    }

    /** An answer that decides nothing, saying why (confidence 0, MANUAL). */
    public static TitanAnswer undecided(String titanId, String modelVersion, String why) {
        return new TitanAnswer(null, 0, List.of(), titanId, modelVersion, Tier.MANUAL, why);
    }

    /** @return this answer, standing in for a titan that failed with {@code failure} */
    public TitanAnswer standingInFor(String failure) {
        return new TitanAnswer(value, confidence, alternatives, titanId, modelVersion, tier, explanation, failure);
    }

    public boolean decided() {
        return value != null;
    }
}
