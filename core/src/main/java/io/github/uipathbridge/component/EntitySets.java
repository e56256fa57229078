package io.github.uipathbridge.component;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The OData entity sets of the Orchestrator API (UiPath.WebApi 20.0) that can be listed with GET, and which of the
 * watermark fields {@code Id}, {@code Key}, {@code CreationTime} and {@code LastModificationTime} their records carry.
 * Names are matched ignoring case and returned as Orchestrator spells them.
 */
final class EntitySets {

    private static final Set<String> ID_KEY = Set.of("Id", "Key");

    private static final Set<String> ID_KEY_TIMES = Set.of("Id", "Key", "CreationTime", "LastModificationTime");

    private static final Set<String> ID_TIMES = Set.of("Id", "CreationTime", "LastModificationTime");

    private static final Map<String, Set<String>> FIELDS = fields();

    private EntitySets() {}

    /** The entity set's name as Orchestrator spells it, if it is one. */
    static Optional<String> canonical(String name) {
        for (String known : FIELDS.keySet()) {
            if (known.equalsIgnoreCase(name)) {
                return Optional.of(known);
            }
        }
        return Optional.empty();
    }

    /** Whether the entity set's records carry the field. */
    static boolean hasField(String entitySet, String field) {
        return FIELDS.getOrDefault(entitySet, Set.of()).contains(field);
    }

    /** Every known entity set name, sorted. */
    static Set<String> names() {
        return FIELDS.keySet();
    }

    private static Map<String, Set<String>> fields() {
        Map<String, Set<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : new String[] {
            "AuditLogs",
            "Buckets",
            "CredentialStores",
            "ExecutionMedia",
            "JobTriggers",
            "OrganizationUnits",
            "Permissions",
            "QueueItemEvents",
            "RobotLogs",
            "Roles",
            "Sessions",
            "Settings",
            "TestCaseExecutions",
            "TestDataQueueItems",
            "TestSetSchedules"
        }) {
            fields.put(name, Set.of("Id"));
        }
        for (String name : new String[] {
            "Calendars",
            "Folders",
            "Libraries",
            "Machines",
            "PersonalWorkspaces",
            "Processes",
            "ProcessSchedules",
            "Tenants",
            "Webhooks"
        }) {
            fields.put(name, ID_KEY);
        }
        for (String name : new String[] {
            "Assets", "Jobs", "Releases", "TaskCatalogs", "TaskDefinitions", "Tasks", "TestSets", "Users"
        }) {
            fields.put(name, ID_KEY_TIMES);
        }
        for (String name :
                new String[] {"Attachments", "BusinessRules", "Robots", "TestCaseDefinitions", "TestDataQueues"}) {
            fields.put(name, ID_TIMES);
        }
        fields.put("Alerts", Set.of("Id", "CreationTime"));
        fields.put("QueueItemComments", Set.of("Id", "CreationTime"));
        fields.put("TestSetExecutions", Set.of("Id", "CreationTime"));
        fields.put("QueueDefinitions", Set.of("Id", "Key", "CreationTime"));
        fields.put("QueueItems", Set.of("Id", "Key", "CreationTime"));
        fields.put("QueueRetention", Set.of());
        fields.put("ReleaseRetention", Set.of());
        fields.put("TaskRetention", Set.of());
        return fields;
    }
}
