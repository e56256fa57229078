package io.github.uipathbridge.simulator.api;

import io.github.uipathbridge.simulator.Profile;
import io.github.uipathbridge.simulator.data.EntitySource;
import io.github.uipathbridge.simulator.data.TenantData;
import io.github.uipathbridge.simulator.odata.EntitySetDef;
import io.github.uipathbridge.simulator.odata.PropertyCatalog;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entity sets the simulator serves, with the scope, folder scoping, limits and navigation of each.
 *
 * <p>Known shortcoming: the properties a query may name are learnt from seeded samples plus a short list per set,
 * so a schema property the simulator never fills (for example {@code JobDto.ResumeTime}) is refused in
 * {@code $filter} and {@code $orderby} with 400, where the real service would accept it.
 */
final class EntitySets {

    static final String GLOBAL_SESSIONS = "Sessions/UiPath.Server.Configuration.OData.GetGlobalSessions";
    static final String ASSETS_FILTERED = "Assets/UiPath.Server.Configuration.OData.GetFiltered";

    private final Map<String, EntitySetDef> byPath = new LinkedHashMap<>();

    EntitySets(TenantData data, Profile profile) {
        int queueItemTop = profile == Profile.CLOUD ? 100 : 1000;
        add("Machines", data.machines(), "OR.Machines", false, Set.of(), 1000, Set.of());
        add("Folders", data.folderSet(), "OR.Folders", false, Set.of(), 1000, Set.of());
        add("Robots", data.robots(), "OR.Robots", true, Set.of(), 1000, Set.of());
        add("Sessions", data.sessions(), "OR.Robots", true, Set.of("Robot", "Job"), 1000, Set.of());
        byPath.put(GLOBAL_SESSIONS, withName(byPath.get("Sessions"), false));
        add("Releases", data.releases(), "OR.Execution", true, Set.of(), 1000, Set.of());
        add("Jobs", data.jobs(), "OR.Jobs", true, Set.of("Robot", "Release", "Machine"), 1000, jobExtras());
        add("QueueDefinitions", data.queueDefinitions(), "OR.Queues", true, Set.of(), 1000, Set.of());
        add(
                "QueueItems",
                data.queueItems(),
                "OR.Queues",
                true,
                Set.of("QueueDefinition", "Robot", "ReviewerUser"),
                queueItemTop,
                queueItemExtras());
        add("Assets", data.assets(), "OR.Assets", true, Set.of(), 1000, Set.of());
        byPath.put(ASSETS_FILTERED, byPath.get("Assets"));
        add("Webhooks", data.webhooks(), "OR.Webhooks", false, Set.of(), 1000, webhookNames());
    }

    /** The definition for a collection path such as {@code Jobs} or the GetGlobalSessions function, or null. */
    EntitySetDef find(String path) {
        return byPath.get(path);
    }

    private void add(
            String name,
            EntitySource source,
            String scope,
            boolean folderScoped,
            Set<String> navigation,
            int maxTop,
            Set<String> extraNames) {
        boolean limited = name.equals("Jobs") || name.equals("QueueItems");
        PropertyCatalog catalog = new PropertyCatalog(samples(source), extraNames);
        byPath.put(
                name,
                new EntitySetDef(name, source, scope, folderScoped, navigation, maxTop, limited, limited, catalog));
    }

    private static EntitySetDef withName(EntitySetDef def, boolean folderScoped) {
        return new EntitySetDef(
                def.name(),
                def.source(),
                def.scopeFamily(),
                folderScoped,
                def.navigation(),
                def.maxTop(),
                def.countable(),
                def.rateLimited(),
                def.catalog());
    }

    private static List<Map<String, Object>> samples(EntitySource source) {
        List<Map<String, Object>> samples = new ArrayList<>();
        Iterator<Map<String, Object>> it = source.ascendingFrom(0);
        while (it.hasNext() && samples.size() < 200) {
            samples.add(it.next());
        }
        return samples;
    }

    private static Set<String> jobExtras() {
        return Set.of(
                "Key",
                "StartTime",
                "EndTime",
                "State",
                "Info",
                "InputArguments",
                "OutputArguments",
                "JobError",
                "ErrorCode",
                "StopStrategy",
                "CreationTime",
                "ReleaseName",
                "HostMachineName",
                "Robot",
                "Robot/Id",
                "Robot/Name",
                "Release",
                "Release/Id",
                "Release/Name",
                "Machine",
                "Machine/Id",
                "Machine/Name",
                "Id",
                "OrganizationUnitId",
                "Source",
                "SourceType",
                "LastModificationTime",
                "Reference");
    }

    private static Set<String> queueItemExtras() {
        return Set.of(
                "QueueDefinitionId",
                "QueueDefinition",
                "QueueDefinition/Name",
                "QueueDefinition/Id",
                "Status",
                "ReviewStatus",
                "Key",
                "Reference",
                "Priority",
                "DueDate",
                "RiskSlaDate",
                "DeferDate",
                "Robot",
                "Robot/Id",
                "Robot/Name",
                "RobotId",
                "StartProcessing",
                "EndProcessing",
                "CreationTime",
                "Output",
                "OutputData",
                "ProcessingException",
                "ProcessingExceptionType",
                "SpecificContent",
                "SpecificData",
                "Id",
                "OrganizationUnitId",
                "RetryNumber",
                "Progress",
                "Analytics",
                "AnalyticsData",
                "ExecutorJobKey",
                "ReviewerUser");
    }

    private static Set<String> webhookNames() {
        return Set.of(
                "Key",
                "Name",
                "Description",
                "Url",
                "Enabled",
                "Secret",
                "SubscribeToAllEvents",
                "AllowInsecureSsl",
                "Events",
                "Id");
    }
}
