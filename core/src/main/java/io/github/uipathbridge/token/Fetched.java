package io.github.uipathbridge.token;

/** A token just fetched and the cache slot it went into (another slot than asked if the secret was rotated). */
record Fetched(AccessToken token, TokenSlot slot) {}
