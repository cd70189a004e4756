package omega.platform.control;

import java.util.Locale;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.jms.ConnectionFactory;

import org.apache.qpid.jms.JmsConnectionFactory;
import org.eclipse.microprofile.config.Config;

import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.servicebus.jms.ServiceBusJmsConnectionFactory;
import com.azure.servicebus.jms.ServiceBusJmsConnectionFactorySettings;

/**
 * Builds the {@link ConnectionFactory} chosen by {@code omega.messaging.provider}:
 * {@code embedded} (Liberty's messaging engine, JNDI {@code jms/omega}), {@code amqp} (Qpid JMS to any
 * AMQP 1.0 broker) or {@code servicebus} (Azure Service Bus through azure-servicebus-jms).
 */
public final class ConnectionFactories {

    public static final String PROVIDER = "omega.messaging.provider";

    private ConnectionFactories() {
    }

    public static ConnectionFactory from(Config config) {
        String provider = config.getOptionalValue(PROVIDER, String.class).orElse("embedded").trim()
                .toLowerCase(Locale.ROOT);
        return switch (provider) {
            case "embedded" -> lookup(config.getOptionalValue("omega.messaging.embedded.jndi", String.class)
                    .orElse("jms/omega"));
            case "amqp" -> amqp(config.getValue("omega.messaging.amqp.url", String.class),
                    config.getOptionalValue("omega.messaging.amqp.username", String.class).orElse(null),
                    config.getOptionalValue("omega.messaging.amqp.password", String.class).orElse(null));
            case "servicebus" -> serviceBus(config);
            default -> throw new IllegalArgumentException("Unknown " + PROVIDER + " '" + provider
                    + "' (expected embedded, amqp or servicebus)");
        };
    }

    public static ConnectionFactory amqp(String url, String username, String password) {
        JmsConnectionFactory factory = new JmsConnectionFactory(url);
        if (username != null && !username.isBlank()) {
            factory.setUsername(username);
            factory.setPassword(password);
        }
        return factory;
    }

    /**
     * Service Bus from a connection string ({@code omega.messaging.servicebus.connection-string}) or, without
     * one, from an Entra ID credential ({@code DefaultAzureCredential}) for
     * {@code omega.messaging.servicebus.namespace} (e.g. {@code acme.servicebus.windows.net}).
     */
    public static ConnectionFactory serviceBus(Config config) {
        ServiceBusJmsConnectionFactorySettings settings = config
                .getOptionalValue("omega.messaging.servicebus.amqp-options", String.class)
                .map(options -> new ServiceBusJmsConnectionFactorySettings(QueryOptions.parse(options)))
                .orElseGet(ServiceBusJmsConnectionFactorySettings::new);
        settings.setConnectionIdleTimeoutMS(config.getOptionalValue("omega.messaging.servicebus.idle-timeout-ms",
                Long.class).orElse(120_000L));
        String connectionString = config.getOptionalValue("omega.messaging.servicebus.connection-string", String.class)
                .filter(s -> !s.isBlank()).orElse(null);
        if (connectionString != null) {
            return new ServiceBusJmsConnectionFactory(connectionString, settings);
        }
        String namespace = config.getOptionalValue("omega.messaging.servicebus.namespace", String.class)
                .filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalArgumentException("omega.messaging.provider=servicebus needs "
                        + "omega.messaging.servicebus.connection-string or omega.messaging.servicebus.namespace"));
        return new ServiceBusJmsConnectionFactory(new DefaultAzureCredentialBuilder().build(), namespace, settings);
    }

    private static ConnectionFactory lookup(String jndi) {
        try {
            return InitialContext.doLookup(jndi);
        } catch (NamingException e) {
            throw new IllegalStateException("The embedded messaging connection factory " + jndi
                    + " is not configured (omega.messaging.provider=embedded)", e);
        }
    }
}
