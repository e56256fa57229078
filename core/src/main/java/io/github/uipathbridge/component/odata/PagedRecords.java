package io.github.uipathbridge.component.odata;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Every record of an entity set matching a query, page after page, read as the bytes arrive: only the record being
 * handed out and the parser's buffer are in memory, so an export of millions of records runs in constant heap.
 *
 * <p>A page is requested when the one before has been read to its end; the stream stops at the first empty page
 * (never at a short one: Orchestrator caps {@code $top} silently, so a short page does not mean the end) or once
 * {@code limit} records were handed out. Use it from one thread; {@link #close()} releases the open response.
 */
public final class PagedRecords implements Iterator<Object>, Closeable {

    /** Opens the response body of one collection request. */
    @FunctionalInterface
    public interface PageSource {
        /**
         * Sends the request and returns the body of a successful answer; the caller closes it.
         *
         * @throws IOException if the call fails; API errors are raised as unchecked exceptions by the source
         */
        InputStream open(ODataQuery query) throws IOException;
    }

    private final PageSource source;

    private final ObjectMapper mapper;

    private final RecordFormat format;

    private final ODataQuery base;

    private final Paging paging;

    private final String keyField;

    private int pageSize;

    private final long limit;

    private ODataRecordReader page;

    private int readInPage;

    private long handedOut;

    private long skipped;

    private Object lastKey;

    private boolean exhausted;

    private int pages;

    /**
     * Creates the stream; no request is sent until {@link #hasNext()}.
     *
     * @param base the user's options: filter, select, orderBy, expand; its top and skip are ignored
     * @param paging how to go past the first page
     * @param keyField the key for keyset paging, {@code Id} on every Orchestrator entity set that has one
     * @param startAfter for keyset paging, read only records whose key is greater than this; null reads from the start
     * @param pageSize the {@code $top} of each request, at least 1
     * @param limit at most this many records in all; 0 for no limit
     */
    public PagedRecords(
            PageSource source,
            ObjectMapper mapper,
            RecordFormat format,
            ODataQuery base,
            Paging paging,
            String keyField,
            Object startAfter,
            int pageSize,
            long limit) {
        this.source = Objects.requireNonNull(source, "source must not be null");
        this.mapper = Objects.requireNonNull(mapper, "mapper must not be null");
        this.format = Objects.requireNonNull(format, "format must not be null");
        this.base = Objects.requireNonNull(base, "base must not be null");
        this.paging = Objects.requireNonNull(paging, "paging must not be null");
        this.keyField = ODataFilter.field(keyField);
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, got " + pageSize);
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, got " + limit);
        }
        this.pageSize = pageSize;
        this.limit = limit;
        this.lastKey = startAfter;
    }

    @Override
    public boolean hasNext() {
        while (!exhausted && (limit == 0 || handedOut < limit)) {
            if (page != null && page.hasNext()) {
                return true;
            }
            if (page != null && (readInPage == 0 || paging == Paging.NONE)) {
                exhausted = true;
            } else {
                openNextPage();
            }
        }
        closeQuietly();
        return false;
    }

    @Override
    public Object next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more records");
        }
        Object record = page.next();
        readInPage++;
        handedOut++;
        if (paging == Paging.KEYSET) {
            lastKey = requireKey(record);
        }
        return format.present(record);
    }

    /** The number of requests sent so far. */
    public int pages() {
        return pages;
    }

    /** The key of the last record handed out, or the start key; null if none. */
    public Object lastKey() {
        return lastKey;
    }

    @Override
    public void close() throws IOException {
        exhausted = true;
        if (page != null) {
            page.close();
        }
    }

    /** The query for the next page, given what was read so far; visible for tests. */
    ODataQuery nextQuery() {
        switch (paging) {
            case KEYSET:
                ODataQuery keyset =
                        base.withOrderBy(keyField).withTop(pageTop()).withSkip(null);
                if (lastKey == null) {
                    return keyset;
                }
                String after = ODataFilter.gt(keyField, lastKey).toString();
                return keyset.withFilter(base.filter() == null ? after : "(" + base.filter() + ") and " + after);
            case SKIP:
                return base.withTop(pageTop()).withSkip(skipped == 0 ? null : (int) skipped);
            default:
                return base.withTop(limit == 0 ? null : pageTop()).withSkip(null);
        }
    }

    private int pageTop() {
        long remaining = limit == 0 ? pageSize : Math.min(pageSize, limit - handedOut);
        return (int) remaining;
    }

    private void openNextPage() {
        closeQuietly();
        skipped += readInPage;
        readInPage = 0;
        ODataQuery query = nextQuery();
        try {
            pages++;
            page = new ODataRecordReader(mapper, format, source.open(query));
        } catch (TopLimitExceededException e) {
            if (e.limit() < 1 || e.limit() >= pageSize) {
                throw e;
            }
            // The service told us its page limit; ask again for this page with that size.
            pageSize = e.limit();
            page = null;
            openNextPage();
        } catch (IOException e) {
            exhausted = true;
            throw new UncheckedIOException("cannot read page " + pages + ": " + e.getMessage(), e);
        }
    }

    private Object requireKey(Object record) {
        Object key = format.field(record, keyField);
        if (key == null) {
            throw new IllegalStateException("a record has no " + keyField
                    + ", which keyset paging needs; keep it in select or use skip paging");
        }
        return key instanceof Number number ? (Object) number.longValue() : key;
    }

    private void closeQuietly() {
        if (page == null) {
            return;
        }
        try {
            page.close();
        } catch (IOException e) {
            // Closing a response already read or abandoned; nothing left to recover.
        }
    }
}
