package omega.platform.control;

import java.time.Instant;

/** What a channel's JMS client last saw; read by the readiness check. */
public final class ChannelHealth {

    private final String channel;
    private volatile boolean connected;
    private volatile String lastError;
    private volatile Instant since = Instant.now();

    public ChannelHealth(String channel) {
        this.channel = channel;
    }

    void up() {
        if (!connected) {
            since = Instant.now();
        }
        connected = true;
        lastError = null;
    }

    void down(Exception e) {
        if (connected) {
            since = Instant.now();
        }
        connected = false;
        lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    public String channel() {
        return channel;
    }

    public boolean connected() {
        return connected;
    }

    public String lastError() {
        return lastError;
    }

    public Instant since() {
        return since;
    }
}
