/**
 * An Orchestrator and identity server simulator for tests, demos and benchmarks.
 *
 * <p>Embed it with {@link io.github.uipathbridge.simulator.OrchestratorSimulator#start(SimulatorOptions)}; read
 * its URLs and default credentials from the returned instance; drive faults, tokens, apps, folders, queue items and
 * life steps through {@link io.github.uipathbridge.simulator.SimulatorControl} (or HTTP under {@code /__sandbox/});
 * run it alone with {@link io.github.uipathbridge.simulator.SimulatorMain}. It does not depend on the core module.
 */
package io.github.uipathbridge.simulator;
