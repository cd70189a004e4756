package omega.titans.control.external;

/**
 * The external titans OMEGA knows, with the wire protocol each speaks and its defaults. The id is the titan's id
 * and the middle of its config keys ({@code titans.<id>.api-key}).
 */
public enum Provider {
    OPENAI("openai", Protocol.OPENAI, "https://api.openai.com/v1", "gpt-4.1-mini"),
    ANTHROPIC("anthropic", Protocol.ANTHROPIC, "https://api.anthropic.com/v1/", "claude-sonnet-4-5-20250929"),
    GEMINI("gemini", Protocol.GEMINI, "https://generativelanguage.googleapis.com/v1beta", "gemini-2.5-flash"),
    XAI("xai", Protocol.OPENAI, "https://api.x.ai/v1", "grok-3"),
    /** a configurable OpenAI-compatible endpoint: base URL and model have no default */
    AUGMENT("augment", Protocol.OPENAI, null, null);

    /** How a provider is spoken to (and how its errors look). */
    public enum Protocol {
        OPENAI, ANTHROPIC, GEMINI
    }

    private final String id;
    private final Protocol protocol;
    private final String defaultBaseUrl;
    private final String defaultModel;

    Provider(String id, Protocol protocol, String defaultBaseUrl, String defaultModel) {
        this.id = id;
        this.protocol = protocol;
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultModel = defaultModel;
    }

    public String id() {
        return id;
    }

    public Protocol protocol() {
        return protocol;
    }

    String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    String defaultModel() {
        return defaultModel;
    }

    /** Augment has no public default endpoint: it is enabled by its base URL, the others by their API key. */
    boolean needsApiKey() {
        return this != AUGMENT;
    }
}
