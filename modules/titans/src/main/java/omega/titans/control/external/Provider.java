package omega.titans.control.external;

/**
 * The external titans OMEGA knows, with the wire protocol each speaks and its defaults. The id is the titan's id
 * and the middle of its config keys ({@code titans.<id>.api-key}).
 */
public enum Provider {
    OPENAI("openai", Protocol.OPENAI),
    ANTHROPIC("anthropic", Protocol.ANTHROPIC),
    GEMINI("gemini", Protocol.GEMINI),
    XAI("xai", Protocol.OPENAI),
    /** a configurable OpenAI-compatible endpoint: base URL and model have no default */
    AUGMENT("augment", Protocol.OPENAI);

    /** How a provider is spoken to (and how its errors look). */
    public enum Protocol {
        OPENAI, ANTHROPIC, GEMINI
    }

    private final String id;
    private final Protocol protocol;
    Provider(String id, Protocol protocol) {
        this.id = id;
        this.protocol = protocol;
    }

    public String id() {
        return id;
    }

    public Protocol protocol() {
        return protocol;
    }

    /** Augment has no public default endpoint: it is enabled by its base URL, the others by their API key. */
    boolean needsApiKey() {
        return this != AUGMENT;
    }
}
