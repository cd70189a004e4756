package omega.platform.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ActiveMQServers;
import org.apache.activemq.artemis.core.server.BindingQueryResult;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManagerImpl;

/**
 * A real Apache Artemis broker in the test JVM, set up the way Azure Service Bus behaves for the
 * {@code omega-jms} connector: AMQP 1.0 only (no in-vm), SASL PLAIN, persistent journal, queues and addresses
 * created on first use and never auto-deleted, and a broker-side max-delivery-attempts safety net that lies
 * above the connector's own {@code max-deliveries} (messages the broker gives up on go to
 * {@link #BROKER_DEAD_LETTER_ADDRESS}, where a test can check that none arrived).
 *
 * <pre>
 * try (EmbeddedArtemis broker = new EmbeddedArtemis().withUser("omega", "secret").start()) {
 *     ConnectionFactory cf = ConnectionFactories.amqp(broker.amqpUrl(), "omega", "secret");
 * }
 * </pre>
 *
 * Optionally a TLS acceptor ({@link #withTls}) on a given port; {@link #selfSignedTls} makes its key and trust
 * stores with the JDK's {@code keytool}. Used by other modules' tests through the platform test-jar.
 */
public final class EmbeddedArtemis implements AutoCloseable {

    /** The broker's own dead-letter address, used only when its safety-net delivery limit is exceeded. */
    public static final String BROKER_DEAD_LETTER_ADDRESS = "artemis.DLQ";
    public static final int DEFAULT_MAX_DELIVERY_ATTEMPTS = 10;

    private static final String AMQP_ACCEPTOR = "amqp";
    private static final String TLS_ACCEPTOR = "amqps";
    private static final String ROLE = "omega";

    private final Map<String, String> users = new LinkedHashMap<>();
    private int maxDeliveryAttempts = DEFAULT_MAX_DELIVERY_ATTEMPTS;
    private Tls tls;
    private Path dataDir;
    private ActiveMQServer server;
    private int amqpPort;

    /** Key store for the broker and trust store for the clients, both PKCS12 with one password. */
    public record Tls(int port, Path keyStore, Path trustStore, String password) {

        public Tls onPort(int otherPort) {
            return new Tls(otherPort, keyStore, trustStore, password);
        }
    }

    /** Turns security on: SASL PLAIN with this user, allowed everything. */
    public EmbeddedArtemis withUser(String user, String password) {
        users.put(user, password);
        return this;
    }

    /** The broker-side delivery limit (keep it above the connector's max-deliveries). */
    public EmbeddedArtemis withMaxDeliveryAttempts(int attempts) {
        this.maxDeliveryAttempts = attempts;
        return this;
    }

    /** Adds an AMQP-over-TLS acceptor on 127.0.0.1:{@code tls.port()} (0 = any free port). */
    public EmbeddedArtemis withTls(Tls tls) {
        this.tls = tls;
        return this;
    }

    public synchronized EmbeddedArtemis start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        try {
            dataDir = Files.createTempDirectory("omega-artemis-");
            server = ActiveMQServers.newActiveMQServer(configuration(), ManagementFactory.getPlatformMBeanServer(),
                    securityManager());
            server.start();
            if (!server.waitForActivation(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Artemis did not become active within 30 s");
            }
            amqpPort = startedPort(AMQP_ACCEPTOR);
            if (tls != null) {
                int actual = startedPort(TLS_ACCEPTOR);
                tls = tls.onPort(actual);
            }
            return this;
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("Could not start the embedded Artemis broker: " + e, e);
        }
    }

    /** {@code amqp://127.0.0.1:<port>} of the plain AMQP acceptor. */
    public String amqpUrl() {
        requireStarted();
        return "amqp://127.0.0.1:" + amqpPort;
    }

    public int amqpPort() {
        requireStarted();
        return amqpPort;
    }

    /** The TLS settings with the port actually bound; null without {@link #withTls}. */
    public Tls tls() {
        return tls;
    }

    /** {@code amqps://localhost:<port>} of the TLS acceptor (the certificate is issued to localhost). */
    public String amqpsUrl() {
        requireStarted();
        if (tls == null) {
            throw new IllegalStateException("no TLS acceptor configured");
        }
        return "amqps://localhost:" + tls.port();
    }

    public ActiveMQServer server() {
        requireStarted();
        return server;
    }

    /** Messages in the queue (including ones delivered but not yet settled); 0 if it does not exist. */
    public long messageCount(String queue) {
        Queue q = server().locateQueue(queue);
        return q == null ? 0 : q.getMessageCount();
    }

    /** Messages the queue has acknowledged (removed for good); 0 if it does not exist. */
    public long messagesAcknowledged(String queue) {
        Queue q = server().locateQueue(queue);
        return q == null ? 0 : q.getMessagesAcknowledged();
    }

    /** Messages over every queue bound to the address (for a topic: all its subscriptions). */
    public long messageCountOnAddress(String address) {
        return queuesOf(address).stream().mapToLong(Queue::getMessageCount).sum();
    }

    /** Consumers over every queue bound to the address. */
    public int consumerCountOnAddress(String address) {
        return queuesOf(address).stream().mapToInt(Queue::getConsumerCount).sum();
    }

    /** Queues bound to the address. */
    public List<Queue> queuesOf(String address) {
        try {
            BindingQueryResult result = server().bindingQuery(SimpleString.of(address));
            return result.getQueueNames().stream().map(name -> server.locateQueue(name))
                    .filter(q -> q != null).toList();
        } catch (Exception e) {
            throw new IllegalStateException("binding query for " + address + " failed", e);
        }
    }

    public synchronized void stop() {
        try {
            if (server != null) {
                server.stop();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the embedded Artemis broker", e);
        } finally {
            server = null;
            deleteRecursively(dataDir);
            dataDir = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * A self-signed RSA certificate for {@code localhost} / {@code 127.0.0.1} made with the JDK's keytool:
     * {@code keystore.p12} for the broker and {@code truststore.p12} (the certificate alone) for clients.
     */
    public static Tls selfSignedTls(Path dir, int port) {
        String password = "omega-test-" + Long.toHexString(System.nanoTime());
        Path keyStore = dir.resolve("keystore.p12");
        Path trustStore = dir.resolve("truststore.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(List.of(keytool, "-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", password,
                "-keypass", password));
        try (InputStream in = Files.newInputStream(keyStore); OutputStream out = Files.newOutputStream(trustStore)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, password.toCharArray());
            Certificate certificate = keys.getCertificate("broker");
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("broker", certificate);
            trust.store(out, password.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Could not write the trust store " + trustStore, e);
        }
        return new Tls(port, keyStore, trustStore, password);
    }

    private Configuration configuration() throws Exception {
        Configuration config = new ConfigurationImpl()
                .setName("omega-test-broker")
                .setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                // the default (~3.3 ms per flush) makes every persistent send wait; tests do not need durability
                .setJournalBufferTimeout_NIO(100_000)
                .setJournalFileSize(1024 * 1024)
                .setJournalMinFiles(2)
                .setMaxDiskUsage(-1)
                .setJMXManagementEnabled(false)
                .setCriticalAnalyzer(false)
                .setGracefulShutdownEnabled(false)
                .setSecurityEnabled(!users.isEmpty());
        // AMQP only, like Service Bus; PLAIN is the mechanism Service Bus uses for SAS key name + key
        config.addAcceptorConfiguration(AMQP_ACCEPTOR,
                "tcp://127.0.0.1:0?protocols=AMQP;saslMechanisms=PLAIN,ANONYMOUS");
        if (tls != null) {
            config.addAcceptorConfiguration(TLS_ACCEPTOR, "tcp://127.0.0.1:" + tls.port()
                    + "?protocols=AMQP;saslMechanisms=PLAIN;sslEnabled=true;keyStoreType=PKCS12"
                    + ";keyStorePath=" + tls.keyStore() + ";keyStorePassword=" + tls.password());
        }
        config.addAddressSetting("#", new AddressSettings()
                .setAutoCreateAddresses(true)
                .setAutoCreateQueues(true)
                .setAutoDeleteAddresses(false)
                .setAutoDeleteQueues(false)
                .setMaxDeliveryAttempts(maxDeliveryAttempts)
                .setDeadLetterAddress(SimpleString.of(BROKER_DEAD_LETTER_ADDRESS))
                .setRedeliveryDelay(0));
        config.addQueueConfiguration(QueueConfiguration.of(BROKER_DEAD_LETTER_ADDRESS)
                .setAddress(BROKER_DEAD_LETTER_ADDRESS).setRoutingType(RoutingType.ANYCAST));
        config.putSecurityRoles("#", Set.of(new Role(ROLE, true, true, true, true, true, true, true, true, true,
                true, true, true)));
        return config;
    }

    private ActiveMQSecurityManagerImpl securityManager() {
        ActiveMQSecurityManagerImpl manager = new ActiveMQSecurityManagerImpl();
        users.forEach((user, password) -> {
            manager.getConfiguration().addUser(user, password);
            manager.getConfiguration().addRole(user, ROLE);
        });
        return manager;
    }

    private int startedPort(String acceptorName) {
        if (!(server.getRemotingService().getAcceptor(acceptorName) instanceof NettyAcceptor acceptor)
                || !acceptor.isStarted()) {
            throw new IllegalStateException("Artemis acceptor " + acceptorName + " did not start (port taken?)");
        }
        return acceptor.getActualPort();
    }

    private void requireStarted() {
        if (server == null) {
            throw new IllegalStateException("the broker is not started");
        }
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
