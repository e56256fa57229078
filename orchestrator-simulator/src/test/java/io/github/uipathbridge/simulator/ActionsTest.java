package io.github.uipathbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** StartJobs, StopJob, AddQueueItem, BulkAddQueueItems and Webhooks CRUD, success and errors, on the contract. */
class ActionsTest {

    private static final String[] SHARED = {"X-UIPATH-FolderPath", "Shared"};
    private static OrchestratorSimulator sim;
    private static ApiCalls api;

    @BeforeAll
    static void start() {
        sim = OrchestratorSimulator.start(
                SimulatorOptions.builder().queueItems(300).build());
        api = ApiCalls.withDefaultToken(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static String releaseKey() {
        return api.shared("odata/Releases?$top=1")
                .json()
                .get("value")
                .get(0)
                .get("Key")
                .asText();
    }

    private static TestHttp.Response startJobs(String startInfo) {
        return api.post(
                "odata/Jobs/UiPath.Server.Configuration.OData.StartJobs", "{\"startInfo\":" + startInfo + "}", SHARED);
    }

    private static TestHttp.Response addItem(String itemData) {
        return api.post("odata/Queues/UiPathODataSvc.AddQueueItem", "{\"itemData\":" + itemData + "}", SHARED);
    }

    @Test
    void startJobsCreatesPendingJobsWithInputArgumentsAsString() {
        TestHttp.Response response = startJobs(
                "{\"ReleaseKey\":\"" + releaseKey()
                        + "\",\"Strategy\":\"ModernJobsCount\",\"JobsCount\":2,\"InputArguments\":\"{\\\"Batch\\\":\\\"B-9\\\"}\"}");

        JsonNode jobs = response.json().get("value");
        assertThat(response.status()).isEqualTo(201);
        assertThat(jobs).hasSize(2);
        assertThat(jobs.get(0).get("State").asText()).isEqualTo("Pending");
        assertThat(jobs.get(0).get("InputArguments").asText()).isEqualTo("{\"Batch\":\"B-9\"}");
    }

    @Test
    void startJobsWithInputArgumentsAsObjectIsRefused() {
        TestHttp.Response response = api.invalidRequests()
                .post(
                        "odata/Jobs/UiPath.Server.Configuration.OData.StartJobs",
                        "{\"startInfo\":{\"ReleaseKey\":\"" + releaseKey() + "\",\"InputArguments\":{\"Batch\":1}}}",
                        SHARED);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errorCode").asInt()).isEqualTo(1000);
    }

    @Test
    void startJobsForUnknownReleaseIs404With1002() {
        TestHttp.Response response = startJobs("{\"ReleaseKey\":\"00000000-0000-0000-0000-000000000000\"}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("errorCode").asInt()).isEqualTo(1002);
    }

    @Test
    void stopJobOfAPendingJobStopsIt() {
        long id = startJobs("{\"ReleaseKey\":\"" + releaseKey() + "\"}")
                .json()
                .get("value")
                .get(0)
                .get("Id")
                .asLong();

        TestHttp.Response stop = api.post(
                "odata/Jobs(" + id + ")/UiPath.Server.Configuration.OData.StopJob", "{\"strategy\":\"Kill\"}", SHARED);

        assertThat(stop.status()).isEqualTo(200);
        assertThat(api.shared("odata/Jobs(" + id + ")").json().get("State").asText())
                .isEqualTo("Stopped");
    }

    @Test
    void unknownJobIs404With1002() {
        TestHttp.Response response = api.shared("odata/Jobs(999999)");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("errorCode").asInt()).isEqualTo(1002);
    }

    @Test
    void addQueueItemAnswers201WithTheNewItem() {
        TestHttp.Response response = addItem(
                "{\"Name\":\"Invoices\",\"Priority\":\"High\",\"Reference\":\"NEW-1\",\"SpecificContent\":{\"Amount\":12.5}}");

        JsonNode item = response.json();
        assertThat(response.status()).isEqualTo(201);
        assertThat(item.get("Status").asText()).isEqualTo("New");
        assertThat(item.get("Priority").asText()).isEqualTo("High");
        assertThat(item.get("SpecificContent").get("Amount").asDouble()).isEqualTo(12.5);
        assertThat(item.get("Id").asLong()).isGreaterThan(300);
    }

    @Test
    void duplicateReferenceIs409With1016() {
        addItem("{\"Name\":\"Orders\",\"Reference\":\"DUP-1\"}");

        TestHttp.Response response = addItem("{\"Name\":\"Orders\",\"Reference\":\"dup-1\"}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("errorCode").asInt()).isEqualTo(1016);
    }

    @Test
    void referenceOfASeededItemIsADuplicateToo() {
        String seeded =
                api.shared("odata/QueueItems(1)").json().get("Reference").asText();

        TestHttp.Response response = addItem("{\"Name\":\"Orders\",\"Reference\":\"" + seeded + "\"}");

        assertThat(response.status()).isEqualTo(409);
    }

    @Test
    void addToUnknownQueueIs404() {
        TestHttp.Response response = addItem("{\"Name\":\"NoSuchQueue\"}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("errorCode").asInt()).isEqualTo(1002);
    }

    @Test
    void bulkAddReportsDuplicatesByOrdinal() {
        TestHttp.Response response = api.post(
                "odata/Queues/UiPathODataSvc.BulkAddQueueItems",
                "{\"queueName\":\"Invoices\",\"commitType\":\"ProcessAllIndependently\",\"queueItems\":["
                        + "{\"Reference\":\"BULK-1\"},{\"Reference\":\"BULK-1\"},{\"Reference\":\"BULK-2\"}]}",
                SHARED);

        JsonNode body = response.json();
        assertThat(response.status()).isEqualTo(200);
        assertThat(body.get("Success").asBoolean()).isFalse();
        assertThat(body.get("FailedItems")).hasSize(1);
        assertThat(body.get("FailedItems").get(0).get("Ordinal").asInt()).isEqualTo(1);
        assertThat(body.get("FailedItems").get(0).get("ErrorCode").asText()).isEqualTo("DuplicateReference");
    }

    @Test
    void allOrNothingBulkAddAddsNothingWhenOneFails() {
        long before = sim.control().lastQueueItemId();

        TestHttp.Response response = api.post(
                "odata/Queues/UiPathODataSvc.BulkAddQueueItems",
                "{\"queueName\":\"Invoices\",\"commitType\":\"AllOrNothing\",\"queueItems\":["
                        + "{\"Reference\":\"AON-1\"},{\"Reference\":\"AON-1\"}]}",
                SHARED);

        assertThat(response.json().get("Success").asBoolean()).isFalse();
        assertThat(sim.control().lastQueueItemId()).isEqualTo(before);
    }

    @Test
    void webhookCrudFollowsTheContract() {
        TestHttp.Response created = api.post(
                "odata/Webhooks",
                "{\"Name\":\"hook\",\"Url\":\"http://127.0.0.1:9/hook\",\"Enabled\":true,\"Secret\":\"k\","
                        + "\"SubscribeToAllEvents\":false,\"AllowInsecureSsl\":false,"
                        + "\"Events\":[{\"EventType\":\"job.completed\"}]}");
        long id = created.json().get("Id").asLong();

        TestHttp.Response patched = api.send(
                "PATCH",
                "odata/Webhooks(" + id + ")",
                "{\"Name\":\"hook\",\"Url\":\"http://127.0.0.1:9/hook\",\"Enabled\":false,"
                        + "\"SubscribeToAllEvents\":false,\"AllowInsecureSsl\":false}");
        TestHttp.Response put = api.send(
                "PUT",
                "odata/Webhooks(" + id + ")",
                "{\"Name\":\"hook2\",\"Url\":\"https://example.invalid/h\",\"Enabled\":true,"
                        + "\"SubscribeToAllEvents\":true,\"AllowInsecureSsl\":false}");
        TestHttp.Response got = api.get("odata/Webhooks(" + id + ")");
        TestHttp.Response deleted = api.send("DELETE", "odata/Webhooks(" + id + ")", null);
        TestHttp.Response gone = api.get("odata/Webhooks(" + id + ")");

        assertThat(created.status()).isEqualTo(201);
        assertThat(patched.json().get("Enabled").asBoolean()).isFalse();
        assertThat(patched.json().get("Secret").asText()).isEqualTo("k");
        assertThat(patched.json().get("Events")).hasSize(1);
        assertThat(put.json().get("Name").asText()).isEqualTo("hook2");
        assertThat(got.json().get("SubscribeToAllEvents").asBoolean()).isTrue();
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(gone.status()).isEqualTo(404);
    }

    @Test
    void webhookWithoutUrlIsABadRequest() {
        TestHttp.Response response = api.invalidRequests()
                .post(
                        "odata/Webhooks",
                        "{\"Name\":\"x\",\"Enabled\":true,"
                                + "\"SubscribeToAllEvents\":true,\"AllowInsecureSsl\":false,\"Url\":\"not a url\"}");

        assertThat(response.status()).isEqualTo(400);
    }
}
