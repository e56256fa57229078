/**
 * Sending API calls with a bearer token: {@link io.github.uipathbridge.http.AuthorizedHttpClient} puts the token on the
 * request and, on 401, replaces exactly that token and tries once more.
 */
package io.github.uipathbridge.http;
