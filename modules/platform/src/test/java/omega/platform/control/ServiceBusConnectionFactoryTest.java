package omega.platform.control;

import static omega.platform.control.ConnectorHarness.awaitUntil;
import static omega.platform.control.ConnectorHarness.queue;
import static omega.platform.control.ConnectorHarness.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityRuntimeException;

import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.azure.servicebus.jms.ServiceBusJmsConnectionFactory;

import omega.platform.api.Envelope;
import omega.platform.control.ConnectorHarness.Inbox;

/**
 * The {@code servicebus} provider's wiring: {@link ConnectionFactories#from} builds azure-servicebus-jms's
 * {@link ServiceBusJmsConnectionFactory} from a connection string, and the connector core runs over it against
 * a local Artemis that answers like a Service Bus namespace: AMQP over TLS on 5671, SASL PLAIN with the shared
 * access key name and key.
 *
 * <p>azure-servicebus-jms 2.1.0 takes only {@code URI.getHost()} of the connection string's {@code Endpoint}
 * and always dials {@code amqps://<host>} (port 5671), so the broker has to listen on 127.0.0.1:5671.
 */
class ServiceBusConnectionFactoryTest {

    static final int SERVICE_BUS_PORT = 5671;
    static final String KEY_NAME = "RootManageSharedAccessKey";
    static final String KEY = randomKey();
    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path tlsDir;

    static EmbeddedArtemis broker;
    static EmbeddedArtemis.Tls tls;

    @BeforeAll
    static void startBroker() {
        assumeTrue(portFree(SERVICE_BUS_PORT), "127.0.0.1:" + SERVICE_BUS_PORT + " is in use on this machine, and "
                + "azure-servicebus-jms always connects to amqps://<Endpoint host>:5671 (a port in the Endpoint "
                + "is dropped), so the Service Bus wiring cannot be tested against a local broker here");
        tls = EmbeddedArtemis.selfSignedTls(tlsDir, SERVICE_BUS_PORT);
        broker = new EmbeddedArtemis().withUser(KEY_NAME, KEY).withTls(tls).start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void connectionStringFactorySendsAndReceivesThroughTheConnectorOverAmqps() {
        ConnectionFactory factory = serviceBusFactory(KEY);
        ServiceBusJmsConnectionFactory serviceBus = assertInstanceOf(ServiceBusJmsConnectionFactory.class, factory);
        String uri = serviceBus.getRemoteConnectionUri();
        assertTrue(uri.startsWith("failover:(amqps://localhost?amqp.idleTimeout=120000)?"),
                "Service Bus style URI (TLS on the default port, reconnecting): " + uri);
        assertTrue(uri.contains("jms.prefetchPolicy.all=0"), "the library's Service Bus default: " + uri);

        String queue = "servicebus.tickets";
        Map<String, String> props = Map.of("tenantId", "acme", "ticketId", "T-7");
        send(factory, queue("tickets-out", queue, null, 3), List.of(new Envelope("hello over amqps", props)));
        assertEquals(1, broker.messageCount(queue));

        JmsInbound inbound = new JmsInbound(factory, ConnectorHarness.DAEMON_THREADS,
                queue("tickets-in", queue, null, 3), null);
        try (inbound) {
            Inbox inbox = new Inbox(inbound);
            inbound.start();
            awaitUntil("the message arrives through the Service Bus factory", WAIT, () -> inbox.size() == 1);
            assertEquals("hello over amqps", inbox.deliveries().get(0).getPayload());
            assertEquals(props, inbox.deliveries().get(0).properties());
            awaitUntil("the ack commits", WAIT, () -> broker.messagesAcknowledged(queue) == 1);
            NettyAcceptor amqps = (NettyAcceptor) broker.server().getRemotingService().getAcceptor("amqps");
            assertTrue(amqps.getConnections().size() > 0, "the consumer is connected through the TLS acceptor");
        }
        assertEquals(0, broker.messageCount(queue));
    }

    @Test
    void wrongSharedAccessKeyIsRejected() {
        ConnectionFactory factory = serviceBusFactory("d3Jvbmcta2V5LXdyb25nLWtleS13cm9uZy1rZXk=");
        // Qpid JMS connects lazily: creating a destination needs the session and so the authenticated connection
        JMSRuntimeException failure = assertTimeoutPreemptively(WAIT, () -> assertThrows(JMSRuntimeException.class,
                () -> {
                    try (JMSContext context = factory.createContext(JMSContext.SESSION_TRANSACTED)) {
                        context.createQueue("servicebus.denied");
                    }
                }));
        assertInstanceOf(JMSSecurityRuntimeException.class, failure, "SASL PLAIN checked the key: " + failure);
    }

    /** Through the production code path: omega.messaging.provider=servicebus with a connection string. */
    private static ConnectionFactory serviceBusFactory(String key) {
        String connectionString = "Endpoint=sb://localhost/;SharedAccessKeyName=" + KEY_NAME
                + ";SharedAccessKey=" + key;
        // the library puts these options on its failover: URI, so the TLS ones must address the nested amqps URI
        String amqpOptions = "failover.nested.transport.trustStoreLocation=" + tls.trustStore()
                + "&failover.nested.transport.trustStorePassword=" + tls.password()
                + "&failover.nested.transport.trustStoreType=PKCS12";
        return ConnectionFactories.from(new MapConfig(Map.of(
                ConnectionFactories.PROVIDER, "servicebus",
                "omega.messaging.servicebus.connection-string", connectionString,
                "omega.messaging.servicebus.amqp-options", amqpOptions)));
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
