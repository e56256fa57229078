package io.github.uipathbridge.component.odata;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes Java values as OData literals for a {@code $filter} expression, the way Orchestrator parses them.
 *
 * <ul>
 *   <li>text in single quotes, every single quote inside doubled ({@code O'Brien} becomes {@code 'O''Brien'});
 *   <li>{@code long} with the {@code L} suffix of an Int64 literal ({@code 42L}), {@code int}, {@code short} and
 *       {@code byte} as plain digits;
 *   <li>instants and offset date-times unquoted in ISO 8601 ({@code 2024-05-01T10:00:00Z}), dates as
 *       {@code 2024-05-01};
 *   <li>GUIDs unquoted in their 8-4-4-4-12 form;
 *   <li>{@code true}, {@code false} and {@code null}.
 * </ul>
 *
 * <p>Anything else is refused rather than guessed at: a value that reaches the filter as text has to say so by being
 * a {@link CharSequence}, so no caller input is ever pasted into an expression without quoting.
 */
public final class ODataLiteral {

    private ODataLiteral() {}

    /**
     * The literal for a value.
     *
     * @param value a {@link CharSequence}, {@link Long}, {@link Integer}, {@link Short}, {@link Byte}, {@link Boolean},
     *     {@link Instant}, {@link OffsetDateTime}, {@link ZonedDateTime}, {@link LocalDate}, {@link UUID} or null
     * @return the literal, ready to stand on the right of an OData comparison
     * @throws IllegalArgumentException for any other type (doubles and decimals included, whose textual form differs
     *     between OData versions)
     */
    public static String of(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof CharSequence text) {
            return string(text.toString());
        }
        if (value instanceof Long number) {
            return int64(number);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return value.toString();
        }
        if (value instanceof Boolean flag) {
            return flag.toString();
        }
        if (value instanceof UUID guid) {
            return guid.toString();
        }
        return temporal(value);
    }

    /** A string literal: single-quoted, with each single quote doubled as OData's ABNF asks. */
    public static String string(String text) {
        Objects.requireNonNull(text, "text must not be null");
        return "'" + text.replace("'", "''") + "'";
    }

    /** An Int64 literal with its {@code L} suffix. */
    public static String int64(long number) {
        return number + "L";
    }

    /** An unquoted date-time literal in UTC, as Orchestrator compares {@code CreationTime} and its kin. */
    public static String dateTime(Instant instant) {
        Objects.requireNonNull(instant, "instant must not be null");
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /**
     * A GUID literal, unquoted. The text is parsed first so that only a well-formed GUID reaches the expression.
     *
     * @throws IllegalArgumentException if {@code guid} is not a GUID in 8-4-4-4-12 form
     */
    public static String guid(String guid) {
        Objects.requireNonNull(guid, "guid must not be null");
        if (!guid.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw new IllegalArgumentException("guid must have the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx");
        }
        return UUID.fromString(guid).toString();
    }

    private static String temporal(Object value) {
        if (value instanceof Instant instant) {
            return dateTime(instant);
        }
        if (value instanceof OffsetDateTime dateTime) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime);
        }
        if (value instanceof ZonedDateTime dateTime) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime.toOffsetDateTime());
        }
        if (value instanceof LocalDate date) {
            return DateTimeFormatter.ISO_LOCAL_DATE.format(date);
        }
        throw new IllegalArgumentException(
                "no OData literal for a value of type " + value.getClass().getName()
                        + "; pass text, a whole number, a boolean, a java.time instant or date, or a UUID");
    }
}
