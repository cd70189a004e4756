package omega.connectors.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import omega.connectors.api.PsaPlatform;
import omega.connectors.entity.Connection;

class ConnectionCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger loads = new AtomicInteger();
    private final Connection connection = new Connection("c1", "t1", "zendesk", "hash", Instant.EPOCH);
    private final Supplier<Optional<Connection>> load = () -> {
        loads.incrementAndGet();
        return Optional.of(connection);
    };

    @Test
    void looksUpOncePerTimeToLive() {
        ConnectionCache cache = new ConnectionCache(Duration.ofNanos(100), now::get);
        assertSame(connection, cache.get("t1", PsaPlatform.ZENDESK, load).orElseThrow());
        now.addAndGet(99);
        cache.get("t1", PsaPlatform.ZENDESK, load);
        assertEquals(1, loads.get());
        now.addAndGet(1);
        cache.get("t1", PsaPlatform.ZENDESK, load);
        assertEquals(2, loads.get());
    }

    @Test
    void tenantsAndPlatformsAreSeparateAndForgetReloads() {
        ConnectionCache cache = new ConnectionCache(Duration.ofSeconds(5), now::get);
        cache.get("t1", PsaPlatform.ZENDESK, load);
        cache.get("t2", PsaPlatform.ZENDESK, load);
        cache.get("t1", PsaPlatform.AUTOTASK, load);
        assertEquals(3, loads.get());
        cache.forget("t1", PsaPlatform.ZENDESK);
        cache.get("t1", PsaPlatform.ZENDESK, load);
        cache.get("t2", PsaPlatform.ZENDESK, load);
        assertEquals(4, loads.get());
    }

    @Test
    void aZeroTimeToLiveLooksUpEveryTime() {
        ConnectionCache cache = new ConnectionCache(Duration.ZERO, now::get);
        cache.get("t1", PsaPlatform.ZENDESK, load);
        cache.get("t1", PsaPlatform.ZENDESK, load);
        assertEquals(2, loads.get());
    }
}
