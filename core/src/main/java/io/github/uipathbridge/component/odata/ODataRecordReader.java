package io.github.uipathbridge.component.odata;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads the records of one OData collection response ({@code {"@odata.context": ..., "value": [...]}}) one at a time
 * as the bytes arrive, with a Jackson {@link JsonParser} over the response stream: at most one record is held in
 * memory, whatever the page size.
 *
 * <p>Fields of the envelope other than {@code value} are skipped wherever they stand. Not thread-safe; close it (or
 * read it to the end) to release the connection.
 */
public final class ODataRecordReader implements Iterator<Object>, Closeable {

    private final JsonParser parser;

    private final ObjectMapper mapper;

    private final RecordFormat format;

    private boolean inArray;

    private boolean finished;

    private Object next;

    /**
     * Opens a reader; nothing is read until {@link #hasNext()}.
     *
     * @throws UncheckedIOException if the parser cannot be created
     */
    public ODataRecordReader(ObjectMapper mapper, RecordFormat format, InputStream body) {
        this.mapper = mapper;
        this.format = format;
        try {
            this.parser = mapper.getFactory().createParser(body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OData response", e);
        }
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (finished) {
            return false;
        }
        try {
            next = readNext();
        } catch (IOException e) {
            closeQuietly();
            throw new UncheckedIOException("cannot read the OData response: " + e.getMessage(), e);
        }
        if (next == null) {
            finished = true;
            closeQuietly();
        }
        return next != null;
    }

    @Override
    public Object next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more records in this response");
        }
        Object record = next;
        next = null;
        return record;
    }

    @Override
    public void close() throws IOException {
        finished = true;
        next = null;
        parser.close();
    }

    private Object readNext() throws IOException {
        if (!inArray && !findValueArray()) {
            return null;
        }
        JsonToken token = parser.nextToken();
        if (token == JsonToken.START_OBJECT) {
            return format.read(mapper, parser);
        }
        if (token == JsonToken.END_ARRAY || token == null) {
            return null;
        }
        throw new IOException("expected a record object in 'value', found " + token);
    }

    private boolean findValueArray() throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("expected an OData collection object, found " + parser.currentToken());
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("value".equals(name) && value == JsonToken.START_ARRAY) {
                inArray = true;
                return true;
            }
            parser.skipChildren();
        }
        return false;
    }

    private void closeQuietly() {
        try {
            parser.close();
        } catch (IOException e) {
            // The response was read to its end or has already failed; a close error adds nothing the caller can use.
        }
    }
}
