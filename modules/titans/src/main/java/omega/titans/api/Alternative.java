package omega.titans.api;

/** One candidate value with the titan's confidence in it (a probability in [0, 1]). */
public record Alternative(String value, double confidence) {

    public Alternative {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an alternative needs a value");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
        }
    }
}
