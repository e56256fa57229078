package io.github.uipathbridge.component.odata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PagedRecordsTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private final List<ODataQuery> asked = new ArrayList<>();

    /** Serves ids 1..total, at most cap per page, honouring "Id gt N" (with the L suffix) or $skip. */
    private InputStream page(ODataQuery query, long total, int cap) {
        asked.add(query);
        long after = 0;
        if (query.filter() != null && query.filter().contains("Id gt ")) {
            String tail = query.filter().substring(query.filter().lastIndexOf("Id gt ") + 6);
            after = Long.parseLong(tail.replace("L", ""));
        }
        long skip = query.skip() == null ? 0 : query.skip();
        int size = Math.min(cap, query.top() == null ? cap : query.top());
        String records = LongStream.rangeClosed(after + 1 + skip, total)
                .limit(size)
                .mapToObj(id -> "{\"Id\":" + id + ",\"Name\":\"item " + id + "\",\"Nested\":{\"a\":[1,2]}}")
                .collect(Collectors.joining(","));
        String body = "{\"@odata.context\":\"x\",\"@odata.count\":" + total + ",\"value\":[" + records + "]}";
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }

    private List<Object> readAll(PagedRecords records) {
        List<Object> all = new ArrayList<>();
        records.forEachRemaining(all::add);
        return all;
    }

    @Test
    void keysetPagingReadsEveryRecordOnceInOrderWhenTheServerCapsTheTop() {
        PagedRecords records = new PagedRecords(
                query -> page(query, 250, 100),
                mapper,
                RecordFormat.MAP,
                ODataQuery.empty(),
                Paging.KEYSET,
                "Id",
                null,
                1000,
                0);

        List<Object> all = readAll(records);

        assertThat(all)
                .extracting(r -> ((Number) ((Map<?, ?>) r).get("Id")).longValue())
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, 250).boxed().toList());
        assertThat(asked).hasSize(4);
        assertThat(asked.get(1).filter()).isEqualTo("Id gt 100L");
        assertThat(asked.get(1).orderBy()).isEqualTo("Id");
    }

    @Test
    void keysetPagingKeepsTheUsersFilterInParentheses() {
        ODataQuery base = ODataQuery.empty().withFilter("Status eq 'New' or Status eq 'Retried'");
        PagedRecords records = new PagedRecords(
                query -> page(query, 3, 2), mapper, RecordFormat.MAP, base, Paging.KEYSET, "Id", null, 2, 0);

        readAll(records);

        assertThat(asked.get(1).filter()).isEqualTo("(Status eq 'New' or Status eq 'Retried') and Id gt 2L");
    }

    @Test
    void skipPagingAdvancesByWhatWasRead() {
        PagedRecords records = new PagedRecords(
                query -> page(query, 5, 2),
                mapper,
                RecordFormat.MAP,
                ODataQuery.empty(),
                Paging.SKIP,
                "Id",
                null,
                2,
                0);

        assertThat(readAll(records)).hasSize(5);
        assertThat(asked).extracting(ODataQuery::skip).containsExactly(null, 2, 4, 5);
    }

    @Test
    void limitStopsWithoutAskingForMore() {
        PagedRecords records = new PagedRecords(
                query -> page(query, 1000, 100),
                mapper,
                RecordFormat.MAP,
                ODataQuery.empty(),
                Paging.KEYSET,
                "Id",
                null,
                100,
                150);

        assertThat(readAll(records)).hasSize(150);
        assertThat(asked).extracting(ODataQuery::top).containsExactly(100, 50);
    }

    @Test
    void jsonFormatHandsOutEachRecordsCompactText() {
        PagedRecords records = new PagedRecords(
                query -> page(query, 1, 10),
                mapper,
                RecordFormat.JSON,
                ODataQuery.empty(),
                Paging.KEYSET,
                "Id",
                null,
                10,
                0);

        assertThat(readAll(records)).containsExactly("{\"Id\":1,\"Name\":\"item 1\",\"Nested\":{\"a\":[1,2]}}");
    }

    @Test
    void noRequestIsSentBeforeTheFirstRecordIsAskedFor() {
        new PagedRecords(
                query -> page(query, 1, 10),
                mapper,
                RecordFormat.MAP,
                ODataQuery.empty(),
                Paging.KEYSET,
                "Id",
                null,
                10,
                0);

        assertThat(asked).isEmpty();
    }

    @Test
    void pageSizeDropsToTheLimitTheServiceNamesAndThePageIsAskedForAgain() {
        PagedRecords records = new PagedRecords(
                query -> {
                    if (query.top() > 100) {
                        asked.add(query);
                        throw new TopLimitExceededException(100, new IllegalStateException("refused"));
                    }
                    return page(query, 250, 100);
                },
                mapper,
                RecordFormat.MAP,
                ODataQuery.empty(),
                Paging.KEYSET,
                "Id",
                null,
                1000,
                0);

        assertThat(readAll(records)).hasSize(250);
        assertThat(asked).extracting(ODataQuery::top).containsExactly(1000, 100, 100, 100, 100);
    }
}
