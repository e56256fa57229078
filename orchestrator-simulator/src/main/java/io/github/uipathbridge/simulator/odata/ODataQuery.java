package io.github.uipathbridge.simulator.odata;

import io.github.uipathbridge.simulator.http.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parsed OData system query options of one request.
 *
 * <p>A {@code $top} above the set's maximum is refused with 400 / 1000, as the real service's OData layer refuses it
 * ("The limit of '1000' for Top query has been exceeded"); no {@code $top} silently caps the page at the maximum.
 */
public record ODataQuery(
        int top, int skip, boolean count, Expr filter, List<OrderKey> orderBy, Set<String> select, Set<String> expand) {

    private static final Set<String> KNOWN =
            Set.of("$top", "$skip", "$count", "$filter", "$orderby", "$select", "$expand", "$format");
    private static final int MAX_ORDER_KEYS = 5;

    /** One {@code $orderby} key. */
    public record OrderKey(String property, String[] path, boolean descending) {}

    /** Parses the options of a collection request; parameters not starting with {@code $} are ignored. */
    public static ODataQuery parse(Map<String, String> params, EntitySetDef def) {
        for (String name : params.keySet()) {
            if (name.startsWith("$") && !KNOWN.contains(name)) {
                throw ApiException.badQuery("The query parameter '" + name + "' is not supported.");
            }
        }
        int top = parseTop(params.get("$top"), def.maxTop());
        int skip = parseNonNegative(params.get("$skip"), "$skip", 0);
        boolean count = parseCount(params.get("$count"));
        String filterText = params.get("$filter");
        Expr filter = filterText == null || filterText.isBlank() ? null : FilterParser.parse(filterText, def.catalog());
        List<OrderKey> orderBy = parseOrderBy(params.get("$orderby"), def.catalog());
        Set<String> select = parseSelect(params.get("$select"), def);
        Set<String> expand = parseExpand(params.get("$expand"), def);
        return new ODataQuery(top, skip, count, filter, orderBy, select, expand);
    }

    /** Parses {@code $select} and {@code $expand} of a single-entity request. */
    public static ODataQuery parseSingle(Map<String, String> params, EntitySetDef def) {
        return new ODataQuery(
                1,
                0,
                false,
                null,
                List.of(),
                parseSelect(params.get("$select"), def),
                parseExpand(params.get("$expand"), def));
    }

    private static int parseTop(String value, int max) {
        int top = parseNonNegative(value, "$top", max);
        if (top > max) {
            throw ApiException.badQuery("The query specified in the URI is not valid. The limit of '" + max
                    + "' for Top query has been exceeded. The value from the incoming request is '" + top + "'.");
        }
        return top;
    }

    private static int parseNonNegative(String value, String name, int absent) {
        if (value == null) {
            return absent;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < 0) {
                throw ApiException.badQuery("Invalid value '" + value + "' for " + name + " query option.");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiException.badQuery("Invalid value '" + value + "' for " + name + " query option.");
        }
    }

    private static boolean parseCount(String value) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw ApiException.badQuery("'" + value + "' is not a valid count option.");
    }

    private static List<OrderKey> parseOrderBy(String value, PropertyCatalog catalog) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        String[] items = value.split(",");
        if (items.length > MAX_ORDER_KEYS) {
            throw ApiException.badQuery("The query specified in the URI is not valid. The number of clauses in"
                    + " $orderby query option exceeded the maximum number " + MAX_ORDER_KEYS + " allowed.");
        }
        List<OrderKey> keys = new ArrayList<>();
        for (String item : items) {
            String[] parts = item.strip().split("\\s+");
            boolean descending = parts.length == 2 && parts[1].equalsIgnoreCase("desc");
            if (parts.length > 2 || (parts.length == 2 && !descending && !parts[1].equalsIgnoreCase("asc"))) {
                throw ApiException.badQuery("Syntax error in $orderby: '" + item.strip() + "'.");
            }
            if (!catalog.has(parts[0])) {
                throw ApiException.badQuery("The query specified in the URI is not valid. Could not find a property"
                        + " named '" + parts[0] + "'.");
            }
            keys.add(new OrderKey(parts[0], parts[0].split("/"), descending));
        }
        return keys;
    }

    private static Set<String> parseSelect(String value, EntitySetDef def) {
        Set<String> select = new LinkedHashSet<>();
        if (value == null || value.isBlank() || value.strip().equals("*")) {
            return select;
        }
        for (String item : value.split(",")) {
            String name = item.strip();
            if (!def.catalog().hasTopLevel(name)) {
                throw ApiException.badQuery("The query specified in the URI is not valid. Could not find a property"
                        + " named '" + name + "' on type '" + def.name() + "'.");
            }
            select.add(name);
        }
        return select;
    }

    // Nested options such as Robot($select=Name) are accepted and ignored: the whole navigation entity is written.
    private static Set<String> parseExpand(String value, EntitySetDef def) {
        Set<String> expand = new LinkedHashSet<>();
        if (value == null || value.isBlank()) {
            return expand;
        }
        for (String item : splitTopLevel(value)) {
            String name = item.strip();
            int paren = name.indexOf('(');
            if (paren >= 0) {
                name = name.substring(0, paren).strip();
            }
            if (!def.navigation().contains(name)) {
                throw ApiException.badQuery("The query specified in the URI is not valid. Property '" + name
                        + "' on type '" + def.name() + "' is not a navigation property or complex property.");
            }
            expand.add(name);
        }
        return expand;
    }

    private static List<String> splitTopLevel(String value) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                parts.add(value.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(value.substring(start));
        return parts;
    }
}
