package omega.context.control;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;

import omega.context.api.WorkingKey;
import omega.context.api.WorkingMemory;
import omega.context.api.WorkingScope;
import omega.platform.api.ProblemException;

/**
 * The production short-term memory on Redis (Azure Cache for Redis): one key per entry with its time to live
 * set by Redis ({@code SET PX}); values bounded in size here, the total by the server's {@code maxmemory} with
 * a {@code volatile-lru} policy. After a lost connection (Redis restarted or failed over) the idle pooled
 * connections are dropped and the command is tried once more on a fresh one; if Redis is still unreachable the
 * call fails with a 503 problem, and a later call reconnects by itself.
 */
public final class RedisWorkingMemory implements WorkingMemory, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RedisWorkingMemory.class.getName());

    private final RedisClient redis;
    private final RedisKeys keys;
    private final WorkingMemorySettings settings;

    public RedisWorkingMemory(String host, int port, Duration timeout, String keyPrefix,
            WorkingMemorySettings settings) {
        this(host, port, null, false, timeout, keyPrefix, settings);
    }

    /**
     * @param password the Redis password (Azure Cache for Redis access key), or null/blank for none
     * @param ssl      TLS (Azure Cache for Redis: port 6380)
     */
    public RedisWorkingMemory(String host, int port, String password, boolean ssl, Duration timeout, String keyPrefix,
            WorkingMemorySettings settings) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(16);
        pool.setTestWhileIdle(true);
        this.redis = RedisClient.builder()
                .hostAndPort(host, port)
                .clientConfig(DefaultJedisClientConfig.builder()
                        .connectionTimeoutMillis((int) timeout.toMillis())
                        .socketTimeoutMillis((int) timeout.toMillis())
                        .clientName("omega-context")
                        .password(password == null || password.isBlank() ? null : password)
                        .ssl(ssl)
                        .build())
                .poolConfig(pool)
                .build();
        this.keys = new RedisKeys(keyPrefix);
        this.settings = settings;
    }

    @Override
    public Optional<String> get(WorkingKey key) {
        return Optional.ofNullable(call(r -> r.get(keys.of(key))));
    }

    @Override
    public void put(WorkingKey key, String value) {
        put(key, value, settings.defaultTtl());
    }

    @Override
    public void put(WorkingKey key, String value, Duration ttl) {
        settings.check(value, ttl);
        call(r -> r.set(keys.of(key), value, SetParams.setParams().px(ttl.toMillis())));
    }

    @Override
    public boolean delete(WorkingKey key) {
        return call(r -> r.del(keys.of(key))) > 0;
    }

    @Override
    public int clear(String tenantId, WorkingScope scope, String ownerId) {
        ScanParams match = new ScanParams().match(keys.ownerPattern(tenantId, scope, ownerId)).count(500);
        return call(r -> {
            int deleted = 0;
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = r.scan(cursor, match);
                List<String> found = page.getResult();
                if (!found.isEmpty()) {
                    deleted += (int) r.del(found.toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
            return deleted;
        });
    }

    /** @return the remaining time to live in milliseconds (-2 when absent), as Redis reports it */
    long remainingMillis(WorkingKey key) {
        return call(r -> r.pttl(keys.of(key)));
    }

    private <T> T call(Function<UnifiedJedis, T> command) {
        try {
            return command.apply(redis);
        } catch (JedisConnectionException first) {
            LOG.warning("Redis connection lost (" + first.getMessage() + "); reconnecting");
            redis.getPool().clear();
            try {
                return command.apply(redis);
            } catch (JedisConnectionException second) {
                throw new ProblemException(503, "working-memory-unavailable", "Working memory unavailable",
                        "Redis is not reachable: " + second.getMessage());
            }
        }
    }

    @Override
    public void close() {
        redis.close();
    }
}
