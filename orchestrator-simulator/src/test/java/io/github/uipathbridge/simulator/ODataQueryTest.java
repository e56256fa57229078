package io.github.uipathbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** $top, $skip, $count, each $filter form, $orderby, $select and $expand on the simulated API. */
class ODataQueryTest {

    private static OrchestratorSimulator sim;
    private static ApiCalls api;

    @BeforeAll
    static void start() {
        sim = OrchestratorSimulator.start(SimulatorOptions.builder()
                .queueItems(2000)
                .jobs(120)
                .machines(1200)
                .rateLimitPerMinute(0)
                .build());
        api = ApiCalls.withDefaultToken(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static JsonNode values(String pathAndQuery) {
        TestHttp.Response response = api.shared(pathAndQuery);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("value");
    }

    private static JsonNode filter(String set, String filter) {
        return values("odata/" + set + "?$filter=" + TestHttp.q(filter));
    }

    private static List<Long> ids(JsonNode values) {
        List<Long> ids = new ArrayList<>();
        values.forEach(v -> ids.add(v.get("Id").asLong()));
        return ids;
    }

    private static void assertBadQuery(String pathAndQuery) {
        TestHttp.Response response = api.shared(pathAndQuery);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errorCode").asInt()).isEqualTo(1000);
    }

    @Test
    void topAboveThousandIsRefusedWith1000() {
        assertBadQuery("odata/Machines?$top=1001");
    }

    @Test
    void topOfThousandIsServed() {
        assertThat(values("odata/Machines?$top=1000")).hasSize(1000);
    }

    @Test
    void noTopSilentlyCapsAtThousand() {
        assertThat(values("odata/Machines")).hasSize(1000);
    }

    @Test
    void queueItemsTopAboveHundredIsRefusedInCloud() {
        assertBadQuery("odata/QueueItems?$top=101");
    }

    @Test
    void queueItemsWithoutTopAreCappedAtHundredInCloud() {
        assertThat(values("odata/QueueItems")).hasSize(100);
    }

    @Test
    void queueItemsAllowThousandOnPremises() {
        try (OrchestratorSimulator onprem = OrchestratorSimulator.start(SimulatorOptions.builder()
                .profile(Profile.ONPREM)
                .queueItems(1500)
                .build())) {
            TestHttp.Response response = TestHttp.get(
                    onprem.orchestratorUrl() + "odata/QueueItems?$top=1000",
                    TestHttp.token(onprem),
                    "X-UIPATH-FolderPath",
                    "Shared");

            assertThat(response.json().get("value")).hasSize(1000);
        }
    }

    @Test
    void skipMovesThePage() {
        assertThat(ids(values("odata/Jobs?$top=3&$skip=10"))).containsExactly(11L, 12L, 13L);
    }

    @Test
    void countOnJobsGivesTheTotal() {
        TestHttp.Response response = api.shared("odata/Jobs?$top=1&$count=true");

        assertThat(response.json().get("@odata.count").asLong()).isEqualTo(120);
    }

    @Test
    void countOnQueueItemsHonoursTheFilter() {
        TestHttp.Response response =
                api.shared("odata/QueueItems?$top=1&$count=true&$filter=" + TestHttp.q("Id le 250"));

        assertThat(response.json().get("@odata.count").asLong()).isEqualTo(250);
    }

    @Test
    void countIsNotGivenOnOtherSets() {
        TestHttp.Response response = api.get("odata/Machines?$top=1&$count=true");

        assertThat(response.json().has("@odata.count")).isFalse();
    }

    @Test
    void answersNeverCarryANextLink() {
        TestHttp.Response response = api.shared("odata/QueueItems?$top=10");

        assertThat(response.json().has("@odata.nextLink")).isFalse();
        assertThat(response.json().get("@odata.context").asText()).endsWith("odata/$metadata#QueueItems");
    }

    @Test
    void filterEq() {
        assertThat(ids(filter("Jobs", "Id eq 7"))).containsExactly(7L);
    }

    @Test
    void filterNe() {
        assertThat(ids(filter("Jobs", "Id ne 7"))).hasSize(119).doesNotContain(7L);
    }

    @Test
    void filterGtAndLe() {
        assertThat(ids(filter("Jobs", "Id gt 5 and Id le 8"))).containsExactly(6L, 7L, 8L);
    }

    @Test
    void filterGeAndLt() {
        assertThat(ids(filter("Jobs", "Id ge 5 and Id lt 7"))).containsExactly(5L, 6L);
    }

    @Test
    void filterOrWithParentheses() {
        assertThat(ids(filter("Jobs", "(Id eq 1 or Id eq 3) and State ne 'Nonexistent'")))
                .containsExactly(1L, 3L);
    }

    @Test
    void filterNot() {
        assertThat(ids(filter("Jobs", "not (Id gt 2)"))).containsExactly(1L, 2L);
    }

    @Test
    void filterContains() {
        JsonNode machines = values("odata/Machines?$filter=" + TestHttp.q("contains(Name, '-0012')"));

        assertThat(machines).hasSize(1);
        assertThat(machines.get(0).get("Name").asText()).isEqualTo("RPA-VM-0012");
    }

    @Test
    void filterStartswithAndEndswith() {
        JsonNode machines =
                values("odata/Machines?$filter=" + TestHttp.q("startswith(Name, 'RPA-VM-00') and endswith(Name, '7')"));

        assertThat(machines).hasSize(10);
    }

    @Test
    void filterStringWithDoubledQuoteEscape() {
        JsonNode items =
                filter("QueueItems", "SpecificContent/Customer eq 'Müller & Söhne GmbH' or Reference eq 'O''Brien'");

        assertThat(items).isNotEmpty();
        items.forEach(i ->
                assertThat(i.get("SpecificContent").get("Customer").asText()).isEqualTo("Müller & Söhne GmbH"));
    }

    @Test
    void filterMatchesAnEscapedQuoteInAValue() {
        api.post(
                "odata/Queues/UiPathODataSvc.AddQueueItem",
                "{\"itemData\":{\"Name\":\"Claims\",\"Reference\":\"O'Brien claim\"}}",
                "X-UIPATH-FolderPath",
                "Shared");

        JsonNode items = filter("QueueItems", "Reference eq 'O''Brien claim'");

        assertThat(items).hasSize(1);
    }

    @Test
    void filterLongLiteralWithSuffix() {
        assertThat(ids(filter("Jobs", "Id eq 9L"))).containsExactly(9L);
    }

    @Test
    void filterUnquotedDateLiteral() {
        JsonNode jobs = values("odata/Jobs?$top=1&$orderby=CreationTime%20desc");
        String newest = jobs.get(0).get("CreationTime").asText();

        JsonNode after = filter("Jobs", "CreationTime ge " + newest);

        assertThat(ids(after)).containsExactly(jobs.get(0).get("Id").asLong());
    }

    @Test
    void filterQuotedDateIsAnIncompatibleTypeError() {
        assertBadQuery("odata/Jobs?$filter=" + TestHttp.q("CreationTime gt '2024-01-01T00:00:00Z'"));
    }

    @Test
    void filterEnumNameAsString() {
        JsonNode pending = filter("Jobs", "State eq 'Pending'");

        assertThat(pending).isNotEmpty();
        pending.forEach(j -> assertThat(j.get("State").asText()).isEqualTo("Pending"));
    }

    @Test
    void filterEnumWithTypePrefix() {
        JsonNode pending = filter("Jobs", "State eq UiPath.Server.Configuration.OData.JobState'Pending'");

        assertThat(ids(pending)).isEqualTo(ids(filter("Jobs", "State eq 'Pending'")));
    }

    @Test
    void filterUnquotedGuidLiteralMatchesTheKey() {
        JsonNode jobs = values("odata/Jobs?$top=50&$orderby=Id");
        JsonNode digitFirst = null;
        JsonNode letterFirst = null;
        for (JsonNode job : jobs) {
            char first = job.get("Key").asText().charAt(0);
            if (Character.isDigit(first) && digitFirst == null) {
                digitFirst = job;
            } else if (Character.isLetter(first) && letterFirst == null) {
                letterFirst = job;
            }
        }
        assertThat(digitFirst).as("a job whose Key starts with a digit").isNotNull();
        assertThat(letterFirst).as("a job whose Key starts with a letter").isNotNull();

        for (JsonNode job : List.of(digitFirst, letterFirst)) {
            JsonNode found = filter("Jobs", "Key eq " + job.get("Key").asText());
            assertThat(ids(found)).containsExactly(job.get("Id").asLong());
        }
    }

    @Test
    void filterOnNavigationProperty() {
        long robotId = values("odata/Jobs?$top=1&$expand=Robot")
                .get(0)
                .get("Robot")
                .get("Id")
                .asLong();

        JsonNode jobs = values("odata/Jobs?$expand=Robot&$filter=" + TestHttp.q("Robot/Id eq " + robotId));

        assertThat(jobs).isNotEmpty();
        jobs.forEach(j -> assertThat(j.get("Robot").get("Id").asLong()).isEqualTo(robotId));
    }

    @Test
    void filterOnUnknownPropertyIsABadQuery() {
        assertBadQuery("odata/Jobs?$filter=" + TestHttp.q("Colour eq 'red'"));
    }

    @Test
    void filterSyntaxErrorIsABadQuery() {
        assertBadQuery("odata/Jobs?$filter=" + TestHttp.q("Id eq (3"));
    }

    @Test
    void unsupportedQueryOptionIsABadQuery() {
        assertBadQuery("odata/Jobs?$search=x");
    }

    @Test
    void orderbyWithTwoKeysAscAndDesc() {
        JsonNode jobs = values("odata/Jobs?$top=120&$orderby=" + TestHttp.q("State asc, Id desc"));

        List<String> keys = new ArrayList<>();
        jobs.forEach(j -> keys.add(j.get("State").asText()
                + String.format("%010d", 1_000_000 - j.get("Id").asLong())));
        assertThat(keys).isSorted();
    }

    @Test
    void orderbyWithSixKeysIsABadQuery() {
        assertBadQuery("odata/Jobs?$orderby=" + TestHttp.q("Id,State,Key,Info,CreationTime,EndTime"));
    }

    @Test
    void selectLimitsTheProperties() {
        JsonNode job = values("odata/Jobs?$top=1&$select=Id,State").get(0);

        assertThat(job.size()).isEqualTo(2);
        assertThat(job.has("Id")).isTrue();
        assertThat(job.has("State")).isTrue();
    }

    @Test
    void navigationAppearsOnlyWhenExpanded() {
        JsonNode plain = values("odata/QueueItems?$top=1").get(0);
        JsonNode expanded =
                values("odata/QueueItems?$top=1&$expand=QueueDefinition").get(0);

        assertThat(plain.has("QueueDefinition")).isFalse();
        assertThat(expanded.get("QueueDefinition").get("Name").asText()).isNotBlank();
    }

    @Test
    void expandOfANonNavigationPropertyIsABadQuery() {
        assertBadQuery("odata/Jobs?$expand=State");
    }
}
