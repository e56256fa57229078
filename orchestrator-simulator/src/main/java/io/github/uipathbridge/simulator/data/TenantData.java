package io.github.uipathbridge.simulator.data;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything one tenant holds: folders and the entity sets, seeded deterministically from a seed and a start
 * instant. Folder {@code Shared} holds the jobs, queues and queue items; {@code Finanças/Contas} has a non-ASCII
 * name. Thread-safe: sets are concurrent and changed entities are replaced, never mutated.
 */
public final class TenantData {

    public static final long TENANT_ID = 1;
    static final String ROBOT_VERSION = "23.10.5";
    private static final List<String> QUEUE_NAMES = List.of("Invoices", "Orders", "Claims");
    private static final List<String> QUEUE_PREFIXES = List.of("INV", "ORD", "CLM");
    private static final List<String> CUSTOMERS =
            List.of("Contoso Ltd", "Fabrikam Inc", "Northwind Traders", "Tailspin Toys", "Müller & Söhne GmbH");

    private static final Map<String, Object> OUTPUT_POSTED = Map.of("Result", "Posted");
    private static final Map<String, Object> OUTPUT_ERROR = Map.of("Result", "Error");

    private final long seed;
    private final Instant base;
    private final List<Folder> folders = new CopyOnWriteArrayList<>();
    private final AtomicLong renumberings = new AtomicLong();
    private final MapSource folderSet = new MapSource(1);
    private final MapSource machines = new MapSource(1);
    private final MapSource robots = new MapSource(1);
    private final MapSource sessions = new MapSource(1);
    private final MapSource releases = new MapSource(1);
    private final MapSource jobs = new MapSource(1);
    private final MapSource queueDefinitions = new MapSource(1);
    private final MapSource assets = new MapSource(1);
    private final MapSource webhooks = new MapSource(1);
    private final QueueItemStore queueItems;
    private final Folder shared;
    private final List<Map<String, Object>> sharedQueues = new ArrayList<>();
    private final List<Map<String, Object>> sharedRobots = new ArrayList<>();
    // Navigation copies made once: a generated queue item points at one instead of copying a robot per item.
    private final List<Map<String, Object>> sharedRobotNavigations = new ArrayList<>();

    public TenantData(long seed, Instant start, int machineCount, int jobCount, int queueItemCount) {
        this.seed = seed;
        this.base = start.truncatedTo(ChronoUnit.SECONDS);
        SplittableRandom random = new SplittableRandom(seed);
        this.shared = seedFolders(random);
        seedMachinesRobotsSessions(random, machineCount);
        seedReleases(random);
        seedQueueDefinitions(random);
        seedAssets(random);
        seedJobs(random, jobCount);
        this.queueItems = new QueueItemStore(queueItemCount, shared, this::generateQueueItem);
    }

    public Folder shared() {
        return shared;
    }

    public List<Folder> folders() {
        return Collections.unmodifiableList(folders);
    }

    public Optional<Folder> folderById(long id) {
        return folders.stream().filter(f -> f.id() == id).findFirst();
    }

    public Optional<Folder> folderByKey(UUID key) {
        return folders.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /** Folder paths compare case-insensitively, as on the real service. */
    public Optional<Folder> folderByPath(String path) {
        String wanted = path.strip().toLowerCase(Locale.ROOT);
        return folders.stream()
                .filter(f -> f.fullyQualifiedName().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    /** Gives every folder a new numeric id, as a licence plan change does; keys and paths stay. */
    public void renumberFolders() {
        long round = renumberings.incrementAndGet();
        for (Folder folder : folders) {
            folder.renumber(folder.id() + round * 1000);
        }
    }

    public MapSource folderSet() {
        return folderSet;
    }

    public MapSource machines() {
        return machines;
    }

    public MapSource robots() {
        return robots;
    }

    public MapSource sessions() {
        return sessions;
    }

    public MapSource releases() {
        return releases;
    }

    public MapSource jobs() {
        return jobs;
    }

    public MapSource queueDefinitions() {
        return queueDefinitions;
    }

    public MapSource assets() {
        return assets;
    }

    public MapSource webhooks() {
        return webhooks;
    }

    public QueueItemStore queueItems() {
        return queueItems;
    }

    public List<Map<String, Object>> robotsIn(Folder folder) {
        List<Map<String, Object>> result = new ArrayList<>();
        robots.all().forEach(r -> {
            if (Entity.folder(r) == folder) {
                result.add(r);
            }
        });
        return result;
    }

    public Optional<Map<String, Object>> queueByName(Folder folder, String name) {
        for (Map<String, Object> queue : queueDefinitions.all()) {
            if (Entity.folder(queue) == folder && ((String) queue.get("Name")).equalsIgnoreCase(name)) {
                return Optional.of(queue);
            }
        }
        return Optional.empty();
    }

    /** Whether a seeded item of that queue already carries the reference (references are PREFIX-0000000id). */
    public boolean seededReferenceExists(Map<String, Object> queue, String reference) {
        int index = sharedQueues.indexOf(queue);
        if (index < 0 || !reference.startsWith(QUEUE_PREFIXES.get(index) + "-")) {
            return false;
        }
        try {
            long id = Long.parseLong(reference.substring(4));
            return id >= 1 && id <= queueItems.generatedCount() && queueIndex(id) == index;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** First seeded queue item id that is still {@code New}; the life cycle processes from here. */
    public long firstNewSeededItem() {
        return queueItems.generatedCount() - queueItems.generatedCount() / 10 + 1;
    }

    private Folder seedFolders(SplittableRandom random) {
        Folder sharedFolder = addFolder(random, 1, "Shared", null, "Default folder");
        Folder finance = addFolder(random, 2, "Finanças", null, "Finance department");
        addFolder(random, 3, "Contas", finance, "Accounts payable and receivable");
        addFolder(random, 4, "HR", null, "Human resources");
        addFolder(random, 5, "IT Operations", null, "Infrastructure automations");
        return sharedFolder;
    }

    private Folder addFolder(SplittableRandom random, long id, String name, Folder parent, String description) {
        Folder folder = new Folder(id, Values.uuid(random), name, parent);
        folders.add(folder);
        Map<String, Object> e = Entity.create();
        e.put("Key", folder.key().toString());
        e.put("DisplayName", name);
        e.put("FullyQualifiedName", folder.fullyQualifiedName());
        e.put("Description", description);
        e.put("FolderType", "Standard");
        e.put("IsPersonal", false);
        e.put("ProvisionType", "Manual");
        e.put("PermissionModel", "FineGrained");
        if (parent != null) {
            e.put("ParentId", (Computed) parent::id);
            e.put("ParentKey", parent.key().toString());
        }
        e.put("FeedType", "Processes");
        e.put("Id", (Computed) folder::id);
        e.put("_id", id);
        folderSet.add(ignored -> e);
        return folder;
    }

    private void seedMachinesRobotsSessions(SplittableRandom random, int count) {
        List<Folder> robotFolders = List.of(shared, folders.get(2));
        for (int i = 1; i <= count; i++) {
            Map<String, Object> machine = machines.add(id -> machine(random, id));
            Folder folder = i % 5 == 0 ? robotFolders.get(1) : robotFolders.get(0);
            Map<String, Object> robot = robots.add(id -> robot(random, id, machine, folder));
            robotUsers(machine).add(robotUser(robot));
            if (folder == shared) {
                sharedRobots.add(robot);
                sharedRobotNavigations.add(robotNavigation(robot));
            }
            sessions.add(id -> session(random, id, robot, machine, folder, "Available"));
        }
    }

    private Map<String, Object> machine(SplittableRandom random, long id) {
        Map<String, Object> e = Entity.create();
        e.put("Name", String.format("RPA-VM-%04d", id));
        e.put("Description", "Unattended runtime host " + id);
        e.put("Type", "Standard");
        e.put("Scope", "Default");
        e.put("NonProductionSlots", 0);
        e.put("UnattendedSlots", 1 + random.nextInt(2));
        e.put("HeadlessSlots", 0);
        e.put("TestAutomationSlots", 0);
        e.put("HostingSlots", 0);
        e.put("AppTestSlots", 0);
        e.put("PerformanceTestSlots", 0);
        e.put("AutomationCloudSlots", 0);
        e.put("AutomationCloudTestAutomationSlots", 0);
        e.put("Key", Values.uuid(random).toString());
        e.put("EndpointDetectionStatus", "NotAvailable");
        e.put("RobotVersions", List.of(Map.of("Count", 1L, "Version", ROBOT_VERSION, "MachineId", id)));
        e.put("RobotUsers", new ArrayList<Map<String, Object>>());
        e.put("AutomationType", "Any");
        e.put("TargetFramework", "Any");
        e.put("UpdatePolicy", Map.of("Type", "None"));
        e.put("Tags", List.of(Map.of("Name", "env", "DisplayName", "env", "Value", "prod", "DisplayValue", "prod")));
        e.put("UpdateInfo", Map.of("updateStatus", "Compliant", "targetUpdateVersion", ROBOT_VERSION));
        e.put("Id", id);
        return e;
    }

    @SuppressWarnings("unchecked") // the machine factory puts a mutable list of maps under RobotUsers
    private static List<Map<String, Object>> robotUsers(Map<String, Object> machine) {
        return (List<Map<String, Object>>) machine.get("RobotUsers");
    }

    private static Map<String, Object> robotUser(Map<String, Object> robot) {
        return Map.of("UserName", robot.get("Username"), "RobotId", robot.get("Id"), "HasTriggers", false);
    }

    // A robot belongs to exactly one folder here, where real robots can be shared by several folders.
    private Map<String, Object> robot(SplittableRandom random, long id, Map<String, Object> machine, Folder folder) {
        Instant created = base.minus(400 - id % 300, ChronoUnit.DAYS);
        Map<String, Object> e = Entity.create();
        e.put("MachineName", machine.get("Name"));
        e.put("MachineId", machine.get("Id"));
        e.put("Name", String.format("robot-%04d", id));
        e.put("Username", String.format("acme\\svc-rpa%04d", id));
        e.put("Description", "Unattended robot on " + machine.get("Name"));
        e.put("Type", "Unattended");
        e.put("HostingType", "Standard");
        e.put("ProvisionType", "Manual");
        e.put("UserId", 1000 + id);
        e.put("Enabled", true);
        e.put("CredentialType", "Default");
        e.put("Environments", List.of());
        e.put("RobotEnvironments", "");
        e.put("ExecutionSettings", Map.of());
        e.put("IsExternalLicensed", false);
        e.put("LimitConcurrentExecution", false);
        e.put("LastModificationTime", created.plus(random.nextInt(30), ChronoUnit.DAYS));
        e.put("LastModifierUserId", 1L);
        e.put("CreationTime", created);
        e.put("CreatorUserId", 1L);
        e.put("Id", id);
        e.put(Entity.FOLDER, folder);
        return e;
    }

    /** A session row for a robot, in the given state; also used by the life cycle. */
    public Map<String, Object> session(
            SplittableRandom random,
            long id,
            Map<String, Object> robot,
            Map<String, Object> machine,
            Folder folder,
            String state) {
        Map<String, Object> withLicense = Entity.copy(robot);
        withLicense.remove(Entity.FOLDER);
        withLicense.put("License", Map.of("RobotId", robot.get("Id"), "Timestamp", base, "Id", robot.get("Id")));
        Map<String, Object> e = Entity.create();
        e.put("Robot", withLicense);
        e.put("HostMachineName", machine.get("Name"));
        e.put("MachineId", machine.get("Id"));
        e.put("MachineName", machine.get("Name"));
        e.put("State", state);
        e.put("ReportingTime", base.minusSeconds(random.nextInt(120)));
        e.put("Info", "");
        e.put("IsUnresponsive", false);
        e.put("OrganizationUnitId", (Computed) folder::id);
        e.put("FolderName", folder.fullyQualifiedName());
        e.put("RobotSessionType", "LongLived");
        e.put("Version", ROBOT_VERSION);
        e.put("UpdateInfo", Map.of("updateStatus", "Compliant", "targetUpdateVersion", ROBOT_VERSION));
        e.put("InstallationId", Values.uuid(random).toString());
        e.put("Platform", "Windows");
        e.put("EndpointDetection", "NotAvailable");
        e.put("Id", id);
        e.put(Entity.FOLDER, folder);
        e.put("_robotId", robot.get("Id"));
        return e;
    }

    private void seedReleases(SplittableRandom random) {
        for (String name : List.of("InvoiceProcessing", "OrderIntake", "ClaimsTriage", "DailyReport")) {
            releases.add(id -> release(random, id, name, shared));
        }
        releases.add(id -> release(random, id, "ReconciliacaoContas", folders.get(2)));
    }

    private Map<String, Object> release(SplittableRandom random, long id, String name, Folder folder) {
        Instant created = base.minus(200 + id, ChronoUnit.DAYS);
        String version = "1." + (id + 2) + "." + random.nextInt(20);
        Map<String, Object> releaseVersion = Map.of(
                "ReleaseId", id, "VersionNumber", version, "CreationTime", created, "ReleaseName", name, "Id", id * 10);
        String inputs = "[{\"name\":\"BatchId\",\"type\":\"System.String\",\"required\":false,\"hasDefault\":false}]";
        Map<String, Object> e = Entity.create();
        e.put("Key", Values.uuid(random).toString());
        e.put("ProcessKey", name);
        e.put("ProcessVersion", version);
        e.put("IsLatestVersion", true);
        e.put("IsProcessDeleted", false);
        e.put("Description", name + " automation");
        e.put("Name", name);
        e.put("EntryPointId", id * 100);
        e.put("EntryPointPath", "Main.xaml");
        e.put("EntryPoint", Map.of("UniqueId", Values.uuid(random).toString(), "Path", "Main.xaml", "Id", id * 100));
        e.put("InputArguments", "{\"BatchId\":\"default\"}");
        e.put("EnvironmentVariables", "");
        e.put("ProcessType", "Process");
        e.put("SupportsMultipleEntryPoints", false);
        e.put("RequiresUserInteraction", false);
        e.put("IsConversational", false);
        e.put("MinRequiredRobotVersion", "21.10.0");
        e.put("IsAttended", false);
        e.put("IsCompiled", true);
        e.put("CurrentVersion", releaseVersion);
        e.put("ReleaseVersions", List.of(releaseVersion));
        e.put("Arguments", Map.of("Input", inputs, "Output", "[]"));
        e.put(
                "ProcessSettings",
                Map.of(
                        "ErrorRecordingEnabled",
                        false,
                        "Duration",
                        0,
                        "Frequency",
                        0,
                        "Quality",
                        100,
                        "AutoStartProcess",
                        false,
                        "AlwaysRunning",
                        false));
        e.put(
                "VideoRecordingSettings",
                Map.of("VideoRecordingType", "None", "QueueItemVideoRecordingType", "None", "MaxDurationSeconds", 0));
        e.put("AutoUpdate", false);
        e.put("HiddenForAttendedUser", false);
        e.put("FeedId", Values.uuid(random).toString());
        e.put("JobPriority", "Normal");
        e.put("SpecificPriorityValue", 45);
        e.put("FolderKey", folder.key().toString());
        e.put("OrganizationUnitId", (Computed) folder::id);
        e.put("OrganizationUnitFullyQualifiedName", folder.fullyQualifiedName());
        e.put("TargetFramework", "Windows");
        e.put("Tags", List.of());
        e.put("RemoteControlAccess", "None");
        e.put("LastModificationTime", created.plus(3, ChronoUnit.DAYS));
        e.put("LastModifierUserId", 1L);
        e.put("CreationTime", created);
        e.put("CreatorUserId", 1L);
        e.put("Id", id);
        e.put(Entity.FOLDER, folder);
        return e;
    }

    private void seedQueueDefinitions(SplittableRandom random) {
        for (int i = 0; i < QUEUE_NAMES.size(); i++) {
            String name = QUEUE_NAMES.get(i);
            boolean unique = i < 2;
            sharedQueues.add(queueDefinitions.add(id -> queueDefinition(random, id, name, shared, unique)));
        }
        queueDefinitions.add(id -> queueDefinition(random, id, "Faturas", folders.get(2), true));
    }

    private Map<String, Object> queueDefinition(
            SplittableRandom random, long id, String name, Folder folder, boolean uniqueReference) {
        Map<String, Object> e = Entity.create();
        e.put("Key", Values.uuid(random).toString());
        e.put("Name", name);
        e.put("Description", name + " to process");
        e.put("MaxNumberOfRetries", 1);
        e.put("AcceptAutomaticallyRetry", true);
        e.put("RetryAbandonedItems", false);
        e.put("EnforceUniqueReference", uniqueReference);
        e.put("Encrypted", false);
        e.put("CreationTime", base.minus(300, ChronoUnit.DAYS));
        e.put("SlaInMinutes", 0);
        e.put("RiskSlaInMinutes", 0);
        e.put("ReleaseId", Math.min(id, 4));
        e.put("IsProcessInCurrentFolder", true);
        e.put("FoldersCount", 1);
        e.put("OrganizationUnitId", (Computed) folder::id);
        e.put("OrganizationUnitFullyQualifiedName", folder.fullyQualifiedName());
        e.put("Tags", List.of());
        e.put("Id", id);
        e.put(Entity.FOLDER, folder);
        return e;
    }

    private void seedAssets(SplittableRandom random) {
        for (Folder folder : folders) {
            assets.add(id -> asset(random, id, folder, "ErpBaseUrl", "Text", "https://erp.example.com/api"));
            assets.add(id -> asset(random, id, folder, "MaxRetries", "Integer", 3));
            assets.add(id -> asset(random, id, folder, "FeatureEnabled", "Bool", true));
            assets.add(id -> asset(random, id, folder, "ErpCredential", "Credential", "svc-erp"));
        }
    }

    private Map<String, Object> asset(
            SplittableRandom random, long id, Folder folder, String name, String type, Object value) {
        Map<String, Object> e = Entity.create();
        e.put("Key", Values.uuid(random).toString());
        e.put("Name", name);
        e.put("CanBeDeleted", true);
        e.put("ValueScope", "Global");
        e.put("ValueType", type);
        switch (type) {
            case "Integer" -> e.put("IntValue", value);
            case "Bool" -> e.put("BoolValue", value);
            case "Credential" -> e.put("CredentialUsername", value);
            default -> e.put("StringValue", value);
        }
        e.put("Value", "Credential".equals(type) ? "Username: " + value : String.valueOf(value));
        e.put("HasDefaultValue", true);
        e.put("Description", name + " for " + folder.fullyQualifiedName());
        e.put("RobotValues", List.of());
        e.put("UserValues", List.of());
        e.put("Tags", List.of());
        e.put("FoldersCount", 1);
        e.put("LastModificationTime", base.minus(20, ChronoUnit.DAYS));
        e.put("LastModifierUserId", 1L);
        e.put("CreationTime", base.minus(90, ChronoUnit.DAYS));
        e.put("CreatorUserId", 1L);
        e.put("Id", id);
        e.put(Entity.FOLDER, folder);
        return e;
    }

    private void seedJobs(SplittableRandom random, int count) {
        List<Map<String, Object>> sharedReleases = new ArrayList<>();
        releases.all().forEach(r -> {
            if (Entity.folder(r) == shared) {
                sharedReleases.add(r);
            }
        });
        for (int i = 0; i < count; i++) {
            Map<String, Object> release = Values.pick(random, sharedReleases);
            Map<String, Object> robot = Values.pick(random, sharedRobots);
            Instant created = base.minusSeconds((long) (count - i) * 600 + random.nextInt(300));
            String state = seededJobState(random, i, count);
            jobs.add(id -> job(random, id, release, robot, shared, state, created, "{\"BatchId\":\"B-" + id + "\"}"));
        }
    }

    private static String seededJobState(SplittableRandom random, int index, int count) {
        if (index >= count - 2) {
            return index == count - 1 ? "Pending" : "Running";
        }
        int roll = random.nextInt(100);
        return roll < 80 ? "Successful" : roll < 92 ? "Faulted" : "Stopped";
    }

    /** A job row; also used by StartJobs. {@code inputArguments} is a JSON string or {@code null}. */
    public Map<String, Object> job(
            SplittableRandom random,
            long id,
            Map<String, Object> release,
            Map<String, Object> robot,
            Folder folder,
            String state,
            Instant created,
            String inputArguments) {
        Map<String, Object> machine = machines.byId((Long) robot.get("MachineId"));
        Map<String, Object> e = Entity.create();
        e.put("Key", Values.uuid(random).toString());
        e.put("State", state);
        e.put("JobPriority", "Normal");
        e.put("SpecificPriorityValue", 45);
        e.put("Robot", robotNavigation(robot));
        e.put("Release", release);
        e.put("Source", "Manual");
        e.put("SourceType", "Manual");
        e.put("BatchExecutionKey", Values.uuid(random).toString());
        e.put("CreationTime", created);
        e.put("ReleaseName", release.get("Name"));
        e.put("Type", "Unattended");
        e.put("InputArguments", inputArguments);
        e.put("HostMachineName", robot.get("MachineName"));
        e.put("HasMediaRecorded", false);
        e.put("HasVideoRecorded", false);
        e.put("RuntimeType", "Unattended");
        e.put("RequiresUserInteraction", false);
        e.put("ReleaseVersionId", ((Number) release.get("Id")).longValue() * 10);
        e.put("EntryPointPath", "Main.xaml");
        e.put("OrganizationUnitId", (Computed) folder::id);
        e.put("OrganizationUnitFullyQualifiedName", folder.fullyQualifiedName());
        e.put("Reference", "");
        e.put("ProcessType", "Process");
        e.put("Machine", machineNavigation(machine));
        e.put("ResumeOnSameContext", false);
        e.put("LocalSystemAccount", "");
        e.put("RemoteControlAccess", "None");
        e.put("LastModificationTime", created);
        e.put("TraceId", Values.traceId(random));
        e.put("Id", id);
        e.put(Entity.FOLDER, folder);
        return withJobState(e, state, created);
    }

    /** A copy of the job moved to {@code state} at {@code now}, with the fields that state implies. */
    public Map<String, Object> withJobState(Map<String, Object> job, String state, Instant now) {
        Map<String, Object> e = Entity.copy(job);
        e.put("State", state);
        e.put("LastModificationTime", now);
        switch (state) {
            case "Running" -> {
                e.put("StartTime", now);
                e.put("Info", "Job started processing");
            }
            case "Successful" -> {
                e.putIfAbsent("StartTime", now.minusSeconds(95));
                e.put("EndTime", now);
                e.put("Info", "Job completed");
                e.put("OutputArguments", "{\"ProcessedCount\":" + (Entity.id(job) % 50 + 1) + "}");
            }
            case "Faulted" -> {
                e.putIfAbsent("StartTime", now.minusSeconds(40));
                e.put("EndTime", now);
                e.put("Info", "System.TimeoutException: The operation has timed out.");
                e.put("ErrorCode", "Robot");
                e.put(
                        "JobError",
                        Map.of(
                                "code", "Robot",
                                "title", "Job faulted",
                                "detail", "System.TimeoutException: The operation has timed out.",
                                "category", "User",
                                "status", 500,
                                "timestamp", now));
            }
            case "Stopped" -> {
                e.putIfAbsent("StartTime", now.minusSeconds(20));
                e.put("EndTime", now);
                e.put("Info", "Job stopped by user");
                e.put("StopStrategy", "SoftStop");
            }
            default -> e.put("Info", "Job is pending");
        }
        return e;
    }

    private static Map<String, Object> robotNavigation(Map<String, Object> robot) {
        Map<String, Object> copy = Entity.copy(robot);
        copy.remove(Entity.FOLDER);
        return copy;
    }

    private static Map<String, Object> machineNavigation(Map<String, Object> machine) {
        Map<String, Object> copy = Entity.copy(machine);
        copy.remove("UpdateInfo");
        return copy;
    }

    private static int queueIndex(long id) {
        return (int) (id % QUEUE_NAMES.size());
    }

    /** Seeded queue item {@code id}: a pure function of the seed, the start instant and the id. */
    private Map<String, Object> generateQueueItem(long id) {
        SplittableRandom random = Values.forId(seed, 7, id);
        int queue = queueIndex(id);
        Instant created = base.minusSeconds((queueItems == null ? 0 : queueItems.generatedCount() - id) * 7 + 60);
        String status = id >= firstNewSeededItem() ? "New" : seededItemStatus(random);
        // Ordered, so that SpecificData (a JSON string) is the same text in every run for the same seed.
        Map<String, Object> content = new LinkedHashMap<>(8);
        content.put("InvoiceNumber", QUEUE_PREFIXES.get(queue) + "-" + (100000 + id));
        content.put("Customer", Values.pick(random, CUSTOMERS));
        content.put("Amount", Math.round(random.nextDouble(10, 25000) * 100) / 100.0);
        content.put("Currency", random.nextBoolean() ? "EUR" : "USD");
        Map<String, Object> e = newItem(random, id, sharedQueues.get(queue), shared, content, created);
        e.put("Reference", reference(QUEUE_PREFIXES.get(queue), id));
        e.put("Priority", List.of("Normal", "High", "Low").get(id % 7 == 0 ? 1 : id % 11 == 0 ? 2 : 0));
        e.put("DueDate", created.plus(3, ChronoUnit.DAYS));
        e.put("RiskSlaDate", created.plus(2, ChronoUnit.DAYS));
        if (!"New".equals(status)) {
            applyItemStatus(e, status, created.plusSeconds(30 + random.nextInt(600)), id);
        }
        return e;
    }

    /** PREFIX-0000123: seven digits, zero-padded without String.format, which is slow on this hot path. */
    private static String reference(String prefix, long id) {
        String digits = Long.toString(id);
        StringBuilder sb = new StringBuilder(prefix.length() + 8).append(prefix).append('-');
        for (int i = digits.length(); i < 7; i++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }

    private static String seededItemStatus(SplittableRandom random) {
        int roll = random.nextInt(100);
        return roll < 82 ? "Successful" : roll < 90 ? "Failed" : roll < 95 ? "Retried" : "Abandoned";
    }

    /** A new queue item (status New) in the given queue; also used by AddQueueItem. */
    public Map<String, Object> newItem(
            SplittableRandom random,
            long id,
            Map<String, Object> queue,
            Folder folder,
            Map<String, Object> specificContent,
            Instant created) {
        Map<String, Object> e = Entity.create();
        e.put("QueueDefinitionId", queue.get("Id"));
        e.put("QueueDefinition", queue);
        e.put("Encrypted", false);
        e.put("SpecificContent", specificContent);
        e.put("Status", "New");
        e.put("ReviewStatus", "None");
        e.put("Key", Values.uuid(random).toString());
        e.put("Priority", "Normal");
        e.put("SecondsInPreviousAttempts", 0);
        e.put("RetryNumber", 0);
        e.put("ManualRetryNumber", 0);
        e.put("UniqueKey", Values.uuid(random).toString());
        e.put("HasVideoRecorded", false);
        e.put("SpecificData", Json.write(Map.of("DynamicProperties", specificContent)));
        e.put("CreationTime", created);
        e.put("Progress", "");
        e.put("RowVersion", Values.rowVersion(id * 16));
        e.put("OrganizationUnitId", (Computed) folder::id);
        e.put("OrganizationUnitFullyQualifiedName", folder.fullyQualifiedName());
        e.put("Id", id);
        e.put(Entity.FOLDER, folder);
        return e;
    }

    /** A copy of the item moved to {@code status}, processed by a robot of its folder, at {@code now}. */
    public Map<String, Object> withItemStatus(Map<String, Object> item, String status, Instant now, long salt) {
        Map<String, Object> e = Entity.copy(item);
        applyItemStatus(e, status, now, salt);
        return e;
    }

    private void applyItemStatus(Map<String, Object> e, String status, Instant now, long salt) {
        long id = Entity.id(e);
        e.put("Status", status);
        e.put("RowVersion", Values.rowVersion(id * 16 + 1 + (salt & 7)));
        if (!"New".equals(status) && !sharedRobots.isEmpty()) {
            int index = (int) (id % sharedRobots.size());
            Map<String, Object> robot = sharedRobots.get(index);
            e.put("Robot", sharedRobotNavigations.get(index));
            e.put("RobotId", robot.get("Id"));
            e.put("ExecutorJobKey", new UUID(id, salt).toString());
            e.put("StartProcessing", now.minusSeconds(12));
        }
        if ("Successful".equals(status) || "Failed".equals(status) || "Retried".equals(status)) {
            e.put("EndProcessing", now);
            e.put("Output", "Failed".equals(status) ? OUTPUT_ERROR : OUTPUT_POSTED);
            e.put("OutputData", "{\"DynamicProperties\":{\"Result\":\"Posted\"}}");
            e.put("Analytics", Map.of());
            e.put("AnalyticsData", "{}");
        }
        if ("Failed".equals(status) || "Retried".equals(status)) {
            e.put("ProcessingExceptionType", "BusinessException");
            e.put("ProcessingException", processingException(now));
        }
    }

    private static Map<String, Object> processingException(Instant now) {
        return Map.of(
                "Reason", "Invoice amount does not match the purchase order",
                "Details", "Validation rule PO-12 failed",
                "Type", "BusinessException",
                "CreationTime", now);
    }

    /** The instant the seeded data is dated from. */
    public Instant base() {
        return base;
    }
}
