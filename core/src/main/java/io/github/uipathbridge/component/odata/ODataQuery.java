package io.github.uipathbridge.component.odata;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The OData system query options of one collection request, and their encoding into a query string.
 *
 * <p>Values are percent-encoded as RFC 3986 asks for a query component: spaces become {@code %20} (never {@code +},
 * which OData services may read as a literal plus), quotes and parentheses are encoded, the {@code $} of option names
 * is kept. Instances are immutable; the {@code with*} methods return a copy.
 */
public final class ODataQuery {

    private final String filter;

    private final String select;

    private final String orderBy;

    private final String expand;

    private final Integer top;

    private final Integer skip;

    private ODataQuery(String filter, String select, String orderBy, String expand, Integer top, Integer skip) {
        this.filter = blankToNull(filter);
        this.select = blankToNull(select);
        this.orderBy = blankToNull(orderBy);
        this.expand = blankToNull(expand);
        this.top = top;
        this.skip = skip;
    }

    /** A query with no options. */
    public static ODataQuery empty() {
        return new ODataQuery(null, null, null, null, null, null);
    }

    public ODataQuery withFilter(String filter) {
        return new ODataQuery(filter, select, orderBy, expand, top, skip);
    }

    public ODataQuery withSelect(String select) {
        return new ODataQuery(filter, select, orderBy, expand, top, skip);
    }

    public ODataQuery withOrderBy(String orderBy) {
        return new ODataQuery(filter, select, orderBy, expand, top, skip);
    }

    public ODataQuery withExpand(String expand) {
        return new ODataQuery(filter, select, orderBy, expand, top, skip);
    }

    public ODataQuery withTop(Integer top) {
        return new ODataQuery(filter, select, orderBy, expand, top, skip);
    }

    public ODataQuery withSkip(Integer skip) {
        return new ODataQuery(filter, select, orderBy, expand, top, skip);
    }

    public String filter() {
        return filter;
    }

    public String select() {
        return select;
    }

    public String orderBy() {
        return orderBy;
    }

    public String expand() {
        return expand;
    }

    public Integer top() {
        return top;
    }

    public Integer skip() {
        return skip;
    }

    /** The options in a fixed order, unencoded, for logs and tests. */
    public Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        put(options, "$filter", filter);
        put(options, "$select", select);
        put(options, "$orderby", orderBy);
        put(options, "$expand", expand);
        put(options, "$top", top == null ? null : top.toString());
        put(options, "$skip", skip == null ? null : skip.toString());
        return options;
    }

    /** The encoded query string without the leading {@code ?}; empty when no option is set. */
    public String toQueryString() {
        StringJoiner joined = new StringJoiner("&");
        options().forEach((name, value) -> joined.add(name + "=" + encode(value)));
        return joined.toString();
    }

    @Override
    public String toString() {
        return options().toString();
    }

    /** Percent-encodes a query value as RFC 3986 section 3.4 asks, spaces as {@code %20}. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void put(Map<String, String> options, String name, String value) {
        if (value != null) {
            options.put(name, value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
