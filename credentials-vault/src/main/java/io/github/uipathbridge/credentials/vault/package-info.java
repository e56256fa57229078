/** The credentials-vault module of uipath-bridge. */
package io.github.uipathbridge.credentials.vault;
