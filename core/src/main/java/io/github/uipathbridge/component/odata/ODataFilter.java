package io.github.uipathbridge.component.odata;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An OData {@code $filter} expression built from field names and Java values, with every value written through
 * {@link ODataLiteral} so that text from outside can never change the expression's meaning.
 *
 * <pre>{@code
 * ODataFilter filter = ODataFilter.eq("Reference", "O'Brien").and(ODataFilter.gt("Id", 1500L));
 * filter.toString(); // (Reference eq 'O''Brien') and (Id gt 1500L)
 * }</pre>
 *
 * <p>Field names are checked against OData's identifier and navigation-path shape ({@code Robot/Name}); a name with
 * anything else in it is refused. Instances are immutable.
 */
public final class ODataFilter {

    private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(/[A-Za-z_][A-Za-z0-9_]*)*");

    private final String expression;

    private ODataFilter(String expression) {
        this.expression = expression;
    }

    /** {@code field eq value}. */
    public static ODataFilter eq(String field, Object value) {
        return compare(field, "eq", value);
    }

    /** {@code field ne value}. */
    public static ODataFilter ne(String field, Object value) {
        return compare(field, "ne", value);
    }

    /** {@code field gt value}. */
    public static ODataFilter gt(String field, Object value) {
        return compare(field, "gt", value);
    }

    /** {@code field ge value}. */
    public static ODataFilter ge(String field, Object value) {
        return compare(field, "ge", value);
    }

    /** {@code field lt value}. */
    public static ODataFilter lt(String field, Object value) {
        return compare(field, "lt", value);
    }

    /** {@code field le value}. */
    public static ODataFilter le(String field, Object value) {
        return compare(field, "le", value);
    }

    /** {@code contains(field, 'text')}. */
    public static ODataFilter contains(String field, String text) {
        return function("contains", field, text);
    }

    /** {@code startswith(field, 'text')}. */
    public static ODataFilter startsWith(String field, String text) {
        return function("startswith", field, text);
    }

    /**
     * An expression taken as written, for what the builder does not cover. The caller is responsible for its
     * literals; never build one by concatenating outside input.
     */
    public static ODataFilter raw(String expression) {
        Objects.requireNonNull(expression, "expression must not be null");
        if (expression.isBlank()) {
            throw new IllegalArgumentException("expression must not be blank");
        }
        return new ODataFilter(expression.strip());
    }

    /** Both expressions, each in parentheses. */
    public ODataFilter and(ODataFilter other) {
        return join("and", other);
    }

    /** Either expression, each in parentheses. */
    public ODataFilter or(ODataFilter other) {
        return join("or", other);
    }

    /** {@code not (expression)}. */
    public ODataFilter not() {
        return new ODataFilter("not (" + expression + ")");
    }

    /** The expression, ready for {@code $filter} (not yet URL-encoded). */
    @Override
    public String toString() {
        return expression;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ODataFilter that && expression.equals(that.expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }

    private ODataFilter join(String operator, ODataFilter other) {
        Objects.requireNonNull(other, "other must not be null");
        return new ODataFilter("(" + expression + ") " + operator + " (" + other.expression + ")");
    }

    private static ODataFilter compare(String field, String operator, Object value) {
        return new ODataFilter(field(field) + " " + operator + " " + ODataLiteral.of(value));
    }

    private static ODataFilter function(String name, String field, String text) {
        return new ODataFilter(name + "(" + field(field) + "," + ODataLiteral.string(text) + ")");
    }

    static String field(String field) {
        Objects.requireNonNull(field, "field must not be null");
        if (!FIELD.matcher(field).matches()) {
            throw new IllegalArgumentException("field must be an OData property name or path, got: " + field);
        }
        return field;
    }
}
