package io.github.uipathbridge.simulator.data;

import java.util.UUID;

/**
 * A folder (organization unit). The numeric id is mutable because real Orchestrator renumbers folders when the
 * licence plan changes; the key and the path never change. Thread-safe.
 */
public final class Folder {

    private final UUID key;
    private final String displayName;
    private final String fullyQualifiedName;
    private final Folder parent;
    private volatile long id;

    public Folder(long id, UUID key, String displayName, Folder parent) {
        this.id = id;
        this.key = key;
        this.displayName = displayName;
        this.parent = parent;
        this.fullyQualifiedName = parent == null ? displayName : parent.fullyQualifiedName + "/" + displayName;
    }

    public long id() {
        return id;
    }

    void renumber(long newId) {
        this.id = newId;
    }

    public UUID key() {
        return key;
    }

    public String displayName() {
        return displayName;
    }

    public String fullyQualifiedName() {
        return fullyQualifiedName;
    }

    public Folder parent() {
        return parent;
    }

    @Override
    public String toString() {
        return "Folder[" + fullyQualifiedName + "]";
    }
}
