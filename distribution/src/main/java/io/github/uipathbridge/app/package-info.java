/** The runnable uipath-bridge application: command line, settings, sandbox, and the Camel Main job. */
package io.github.uipathbridge.app;
