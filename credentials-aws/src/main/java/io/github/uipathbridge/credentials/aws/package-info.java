/** The credentials-aws module of uipath-bridge. */
package io.github.uipathbridge.credentials.aws;
