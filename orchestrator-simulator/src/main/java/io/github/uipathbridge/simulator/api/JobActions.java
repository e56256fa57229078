package io.github.uipathbridge.simulator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.uipathbridge.simulator.data.Entity;
import io.github.uipathbridge.simulator.data.Folder;
import io.github.uipathbridge.simulator.data.Json;
import io.github.uipathbridge.simulator.data.TenantData;
import io.github.uipathbridge.simulator.http.ApiException;
import io.github.uipathbridge.simulator.http.HttpIo;
import io.github.uipathbridge.simulator.life.LifeCycle;
import io.github.uipathbridge.simulator.odata.EntitySetDef;
import io.github.uipathbridge.simulator.odata.EntityWriter;
import io.github.uipathbridge.simulator.odata.ODataQuery;
import io.github.uipathbridge.simulator.odata.QueryEngine;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** StartJobs and StopJob. */
final class JobActions {

    private static final Set<String> STRATEGIES =
            Set.of("All", "Specific", "RobotCount", "JobsCount", "ModernJobsCount");
    private static final int MAX_JOBS_PER_CALL = 100;

    private final TenantData data;
    private final LifeCycle life;
    private final EntitySetDef jobs;
    private final String baseUrl;
    private final Clock clock;

    JobActions(TenantData data, LifeCycle life, EntitySetDef jobs, String baseUrl, Clock clock) {
        this.data = data;
        this.life = life;
        this.jobs = jobs;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** Creates Pending jobs for the release; {@code InputArguments} must be a string holding a JSON object. */
    void startJobs(HttpServerExchange exchange, Folder folder) throws IOException {
        JsonNode info = Bodies.requireObject(Bodies.read(exchange), "startInfo");
        Map<String, Object> release = findRelease(folder, info);
        String inputArguments = inputArguments(info.get("InputArguments"));
        List<Map<String, Object>> robots = chooseRobots(folder, info);
        String source = Bodies.text(info, "Source");
        String reference = Bodies.text(info, "Reference");
        String priority = Bodies.oneOf(info, "JobPriority", Set.of("Low", "Normal", "High"), "Normal");
        Instant now = clock.instant();
        List<Map<String, Object>> created = new ArrayList<>();
        for (Map<String, Object> robot : robots) {
            Map<String, Object> job = data.jobs().add(id -> {
                Map<String, Object> e =
                        data.job(new SplittableRandom(id), id, release, robot, folder, "Pending", now, inputArguments);
                e.put("Source", source == null ? "Manual" : source);
                e.put("Reference", reference == null ? "" : reference);
                e.put("JobPriority", priority);
                return e;
            });
            created.add(job);
            life.jobActive(Entity.id(job));
            life.publish("job.created", "Job", job);
        }
        QueryEngine.Page page = new QueryEngine.Page(created, null);
        ODataQuery query = ODataQuery.parseSingle(Map.of(), jobs);
        String context = baseUrl + "odata/$metadata#Jobs";
        HttpIo.sendJson(exchange, 201, gen -> EntityWriter.writeCollection(gen, context, page, jobs, query));
    }

    /** SoftStop or Kill: a pending job stops at once, a running one goes through Stopping or Terminating. */
    void stopJob(HttpServerExchange exchange, Folder folder, long key) throws IOException {
        JsonNode body = Bodies.read(exchange);
        String strategy = Bodies.oneOf(body, "strategy", Set.of("SoftStop", "Kill"), null);
        if (strategy == null) {
            throw ApiException.badQuery("The request is invalid. 'strategy' must not be null.");
        }
        Map<String, Object> job = data.jobs().byId(key);
        if (job == null || Entity.folder(job) != folder) {
            throw ApiException.notFound("Job does not exist.");
        }
        String state = (String) job.get("State");
        if ("Pending".equals(state)) {
            Map<String, Object> stopped = data.withJobState(job, "Stopped", clock.instant());
            stopped.put("StopStrategy", strategy);
            data.jobs().put(stopped);
            life.publish("job.stopped", "Job", stopped);
        } else if ("Running".equals(state)) {
            Map<String, Object> stopping = Entity.copy(job);
            stopping.put("State", "SoftStop".equals(strategy) ? "Stopping" : "Terminating");
            stopping.put("StopStrategy", strategy);
            stopping.put("LastModificationTime", clock.instant());
            data.jobs().put(stopping);
            life.jobActive(key);
        }
        HttpIo.sendEmpty(exchange, 200);
    }

    private Map<String, Object> findRelease(Folder folder, JsonNode info) {
        String key = Bodies.text(info, "ReleaseKey");
        String name = Bodies.text(info, "ReleaseName");
        if (key == null && name == null) {
            throw ApiException.badQuery("The request is invalid. 'ReleaseKey' must not be null.");
        }
        for (Map<String, Object> release : data.releases().all()) {
            boolean same = key != null
                    ? key.equalsIgnoreCase((String) release.get("Key"))
                    : name.equalsIgnoreCase((String) release.get("Name"));
            if (same && Entity.folder(release) == folder) {
                return release;
            }
        }
        throw ApiException.notFound("Process does not exist.");
    }

    private static String inputArguments(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.badQuery("The request is invalid. 'InputArguments' must be a string holding a JSON"
                    + " object, not a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT) + ".");
        }
        try {
            JsonNode parsed = Json.MAPPER.readTree(node.asText());
            if (parsed == null || !parsed.isObject()) {
                throw ApiException.badQuery("Argument 'InputArguments' must be a JSON object.");
            }
        } catch (JsonProcessingException e) {
            throw ApiException.badQuery("Argument 'InputArguments' is not valid JSON.");
        }
        return node.asText();
    }

    private List<Map<String, Object>> chooseRobots(Folder folder, JsonNode info) {
        List<Map<String, Object>> available = data.robotsIn(folder);
        String strategy = Bodies.oneOf(info, "Strategy", STRATEGIES, "ModernJobsCount");
        List<Map<String, Object>> chosen = new ArrayList<>();
        switch (strategy) {
            case "All" -> chosen.addAll(available);
            case "Specific" -> chosen.addAll(specificRobots(folder, info));
            default -> {
                String countField = "RobotCount".equals(strategy) ? "NoOfRobots" : "JobsCount";
                int count = info.path(countField).asInt(1);
                if (count < 1 || count > MAX_JOBS_PER_CALL) {
                    throw ApiException.badQuery("The request is invalid. '" + countField + "' must be between 1 and "
                            + MAX_JOBS_PER_CALL + ".");
                }
                for (int i = 0; i < count && !available.isEmpty(); i++) {
                    chosen.add(available.get(i % available.size()));
                }
            }
        }
        if (chosen.isEmpty()) {
            throw ApiException.badQuery("Could not start the job: no robot is available in the folder.");
        }
        return chosen;
    }

    private List<Map<String, Object>> specificRobots(Folder folder, JsonNode info) {
        List<Map<String, Object>> robots = new ArrayList<>();
        for (JsonNode id : info.path("RobotIds")) {
            Map<String, Object> robot = data.robots().byId(id.asLong());
            if (robot == null || Entity.folder(robot) != folder) {
                throw ApiException.notFound("Robot does not exist.");
            }
            robots.add(robot);
        }
        return robots;
    }
}
