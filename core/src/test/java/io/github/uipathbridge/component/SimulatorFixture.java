package io.github.uipathbridge.component;

import io.github.uipathbridge.simulator.OrchestratorSimulator;
import io.github.uipathbridge.simulator.SimulatorControl;
import io.github.uipathbridge.simulator.SimulatorOptions;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * An in-JVM Orchestrator simulator on a free loopback port, and Camel contexts whose {@code uipath} component points
 * at it with credentials read through the {@code env:} store (from system properties set here).
 */
final class SimulatorFixture implements AutoCloseable {

    private static final AtomicInteger PREFIXES = new AtomicInteger();

    private final OrchestratorSimulator simulator;

    private final String prefix;

    private SimulatorFixture(OrchestratorSimulator simulator) {
        this.simulator = simulator;
        this.prefix = "UIPATH_COMPONENT_IT_" + PREFIXES.incrementAndGet();
        System.setProperty(prefix + "_CLIENT_ID", simulator.clientId());
        System.setProperty(prefix + "_CLIENT_SECRET", simulator.clientSecret());
    }

    /** Starts a simulator with these options on a free port. */
    static SimulatorFixture start(SimulatorOptions.Builder options) {
        return new SimulatorFixture(OrchestratorSimulator.start(options.port(0).build()));
    }

    SimulatorControl control() {
        return simulator.control();
    }

    OrchestratorSimulator simulator() {
        return simulator;
    }

    /** A context, not started, whose uipath component talks to the simulator with the given requests per minute. */
    CamelContext context(int requestsPerMinute) {
        CamelContext context = new DefaultCamelContext();
        UiPathComponent component = new UiPathComponent();
        UiPathConfiguration settings = component.getConfiguration();
        settings.setOrchestratorUrl(simulator.orchestratorUrl());
        settings.setIdentityUrl(simulator.tokenUrl());
        settings.setCredentials("env:" + prefix);
        settings.setScopes("OR.Jobs OR.Queues OR.Folders OR.Webhooks");
        settings.setRequestsPerMinute(requestsPerMinute);
        settings.setRetryBackoff(10);
        context.addComponent("uipath", component);
        return context;
    }

    @Override
    public void close() {
        System.clearProperty(prefix + "_CLIENT_ID");
        System.clearProperty(prefix + "_CLIENT_SECRET");
        simulator.close();
    }
}
