package io.github.uipathbridge.examples;

import jakarta.jms.ConnectionFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMAcceptorFactory;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * An ActiveMQ Artemis broker inside the JVM, reached through the in-VM transport only (no network port), for the
 * sandbox and for tests. Messages are kept in memory: a stop loses what no consumer took yet, which is why the
 * application drains its queues before it stops.
 */
public final class EmbeddedBroker implements AutoCloseable {

    // Each broker in the JVM needs its own in-VM server id.
    private static final AtomicInteger NEXT_ID = new AtomicInteger();

    private final int serverId = NEXT_ID.getAndIncrement();

    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();

    /**
     * Starts a broker.
     *
     * @param dataDirectory where Artemis may put its (empty, as persistence is off) folders
     */
    public static EmbeddedBroker start(Path dataDirectory) throws Exception {
        Objects.requireNonNull(dataDirectory, "dataDirectory must not be null");
        EmbeddedBroker started = new EmbeddedBroker();
        started.doStart(dataDirectory);
        return started;
    }

    /** A connection factory for the in-VM transport of this broker. */
    public ConnectionFactory connectionFactory() {
        return new ActiveMQConnectionFactory("vm://" + serverId);
    }

    @Override
    public void close() throws Exception {
        broker.stop();
    }

    private void doStart(Path dataDirectory) throws Exception {
        Configuration configuration = new ConfigurationImpl()
                .setName("uipath-bridge-" + serverId)
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false);
        configuration.setBrokerInstance(dataDirectory.toFile());
        configuration.addAcceptorConfiguration(
                new TransportConfiguration(InVMAcceptorFactory.class.getName(), Map.of("serverId", serverId)));
        broker.setConfiguration(configuration);
        broker.start();
    }
}
