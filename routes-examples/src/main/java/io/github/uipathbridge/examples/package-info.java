/** The routes-examples module of uipath-bridge. */
package io.github.uipathbridge.examples;
