package omega.platform.api;

/**
 * A consumer's verdict that a message can never be processed (no redelivery would help): nacking with it (or
 * with a failure caused by it) makes the {@code omega-jms} connector move the message to the channel's
 * dead-letter queue at once, with {@code DeadLetterReason} = {@link #reason()} and the message as the
 * description, instead of after {@code max-deliveries}.
 */
public class UnprocessableMessage extends RuntimeException {

    private final String reason;

    /** @param reason a stable slug, e.g. {@code missing-field} */
    public UnprocessableMessage(String reason, String description, Throwable cause) {
        super(description, cause);
        this.reason = reason == null || reason.isBlank() ? "unprocessable" : reason;
    }

    public UnprocessableMessage(String reason, String description) {
        this(reason, description, null);
    }

    public String reason() {
        return reason;
    }

    /** @return the first {@code UnprocessableMessage} in the cause chain, or null */
    public static UnprocessableMessage in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnprocessableMessage u) {
                return u;
            }
        }
        return null;
    }
}
