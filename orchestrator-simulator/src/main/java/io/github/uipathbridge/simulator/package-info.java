/** The orchestrator-simulator module of uipath-bridge. */
package io.github.uipathbridge.simulator;
