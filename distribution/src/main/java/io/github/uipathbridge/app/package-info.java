/** The distribution module of uipath-bridge. */
package io.github.uipathbridge.app;
