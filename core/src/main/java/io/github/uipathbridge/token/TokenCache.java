package io.github.uipathbridge.token;

import io.github.uipathbridge.metrics.TokenMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bounded, per-service map from {@link TokenKey} to {@link TokenSlot}, least recently used out first. Operations
 * are short and synchronized; no I/O happens under the lock.
 *
 * <p>A provider that still holds an evicted slot keeps using its token until that token is due, then finds a slot
 * here again; so the bound limits keys, not the providers an application keeps.
 */
final class TokenCache {

    private final int maxEntries;

    private final TokenMetrics metrics;

    private final LinkedHashMap<TokenKey, TokenSlot> slots = new LinkedHashMap<>(16, 0.75f, true);

    TokenCache(int maxEntries, TokenMetrics metrics) {
        this.maxEntries = maxEntries;
        this.metrics = metrics;
    }

    /** The slot for a key, created if missing; may evict the least recently used key. */
    synchronized TokenSlot slot(TokenKey key) {
        TokenSlot slot = slots.get(key);
        if (slot == null) {
            slot = new TokenSlot(key);
            slots.put(key, slot);
            metrics.trackExpiry(key.endpoint(), key.clientId(), key.scopes(), slot::current);
            evictBeyondBound();
        }
        return slot;
    }

    /** Forgets a key, for example one whose secret the identity server refused. */
    synchronized void remove(TokenKey key) {
        TokenSlot removed = slots.remove(key);
        if (removed != null) {
            forget(removed);
        }
    }

    synchronized int size() {
        return slots.size();
    }

    synchronized void clear() {
        List<TokenSlot> all = List.copyOf(slots.values());
        slots.clear();
        for (TokenSlot slot : all) {
            slot.clear();
            forget(slot);
        }
    }

    private void evictBeyondBound() {
        while (slots.size() > maxEntries) {
            Map.Entry<TokenKey, TokenSlot> eldest = slots.entrySet().iterator().next();
            slots.remove(eldest.getKey());
            forget(eldest.getValue());
        }
    }

    /**
     * Drops the expiry gauge of a slot no longer cached, unless a slot for a rotated secret of the same client is.
     * The gauge follows the slot registered last, so if that one goes first the gauge shows its last token until the
     * other goes too.
     */
    private void forget(TokenSlot slot) {
        boolean sibling = slots.keySet().stream().anyMatch(key -> key.sameClientAs(slot.key()));
        if (!sibling) {
            metrics.untrackExpiry(
                    slot.key().endpoint(), slot.key().clientId(), slot.key().scopes());
        }
    }
}
