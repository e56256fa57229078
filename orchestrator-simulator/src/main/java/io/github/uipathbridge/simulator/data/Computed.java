package io.github.uipathbridge.simulator.data;

/**
 * An entity property whose value is read when the entity is filtered or written, such as {@code OrganizationUnitId}
 * which follows folder renumbering.
 */
@FunctionalInterface
public interface Computed {
    Object get();
}
