package io.github.uipathbridge.simulator.odata;

import io.github.uipathbridge.simulator.http.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recursive-descent parser of the OData {@code $filter} subset the Orchestrator API is used with: {@code eq ne gt
 * ge lt le}, {@code and or not}, parentheses, {@code contains startswith endswith tolower toupper trim length},
 * single-quoted strings with {@code ''} escaping, integers with an optional {@code L}, decimals, unquoted ISO date
 * literals, {@code true false null}, enum literals written as strings or as {@code Namespace.Type'Name'}, and
 * navigation paths such as {@code Robot/Id}. Any other syntax is a 400 with error code 1000.
 */
public final class FilterParser {

    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final Map<String, Expr.Op> OPERATORS = Map.of(
            "eq", Expr.Op.EQ, "ne", Expr.Op.NE, "gt", Expr.Op.GT, "ge", Expr.Op.GE, "lt", Expr.Op.LT, "le", Expr.Op.LE);
    private static final Set<String> BOOLEAN_FUNCTIONS = Set.of("contains", "startswith", "endswith");
    private static final Set<String> STRING_FUNCTIONS = Set.of("tolower", "toupper", "trim", "length");

    private final String text;
    private final PropertyCatalog catalog;
    private int pos;

    private FilterParser(String text, PropertyCatalog catalog) {
        this.text = text;
        this.catalog = catalog;
    }

    public static Expr parse(String text, PropertyCatalog catalog) {
        FilterParser parser = new FilterParser(text, catalog);
        Expr expr = parser.parseOr();
        parser.skipSpaces();
        if (parser.pos < text.length()) {
            throw parser.error("syntax error at position " + parser.pos);
        }
        return expr;
    }

    private Expr parseOr() {
        Expr left = parseAnd();
        while (acceptWord("or")) {
            left = new Expr.Or(left, parseAnd());
        }
        return left;
    }

    private Expr parseAnd() {
        Expr left = parseNot();
        while (acceptWord("and")) {
            left = new Expr.And(left, parseNot());
        }
        return left;
    }

    private Expr parseNot() {
        if (acceptWord("not")) {
            return new Expr.Not(parseNot());
        }
        return parseComparison();
    }

    private Expr parseComparison() {
        Expr left = parsePrimary();
        skipSpaces();
        int mark = pos;
        String word = readWord();
        Expr.Op op = OPERATORS.get(word);
        if (op == null) {
            pos = mark;
            return left;
        }
        Expr right = parsePrimary();
        checkTypes(left, right, word);
        return new Expr.Compare(op, left, right);
    }

    private Expr parsePrimary() {
        skipSpaces();
        if (pos >= text.length()) {
            throw error("unexpected end of expression");
        }
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            Expr inner = parseOr();
            expect(')');
            return inner;
        }
        if (c == '\'') {
            return new Expr.Literal(readString());
        }
        String guid = readGuid();
        if (guid != null) {
            return new Expr.Literal(guid);
        }
        if (Character.isDigit(c) || (c == '-' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
            return new Expr.Literal(readNumberOrDate());
        }
        if (Character.isLetter(c) || c == '_') {
            return parseIdentifier();
        }
        throw error("unexpected character '" + c + "' at position " + pos);
    }

    private Expr parseIdentifier() {
        String name = readPath();
        if (pos < text.length() && text.charAt(pos) == '\'') {
            return new Expr.Literal(readString());
        }
        switch (name) {
            case "true":
                return new Expr.Literal(Boolean.TRUE);
            case "false":
                return new Expr.Literal(Boolean.FALSE);
            case "null":
                return new Expr.Literal(null);
            default:
                break;
        }
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == '(') {
            return parseCall(name);
        }
        if (!catalog.has(name)) {
            throw ApiException.badQuery(
                    "The query specified in the URI is not valid. Could not find a property named '" + name + "'.");
        }
        return new Expr.Property(name, name.split("/"));
    }

    private Expr parseCall(String function) {
        boolean booleanFunction = BOOLEAN_FUNCTIONS.contains(function);
        if (!booleanFunction && !STRING_FUNCTIONS.contains(function)) {
            throw error("unknown function '" + function + "'");
        }
        expect('(');
        List<Expr> args = new ArrayList<>();
        args.add(parseOr());
        skipSpaces();
        while (pos < text.length() && text.charAt(pos) == ',') {
            pos++;
            args.add(parseOr());
            skipSpaces();
        }
        expect(')');
        if (args.size() != (booleanFunction ? 2 : 1)) {
            throw error("wrong number of arguments for '" + function + "'");
        }
        return new Expr.Call(function, args);
    }

    private void checkTypes(Expr left, Expr right, String op) {
        Object l = sampleOf(left);
        Object r = sampleOf(right);
        if (l != null && r != null) {
            try {
                Expr.Values.compare(l, r);
            } catch (ApiException e) {
                throw ApiException.badQuery(
                        "The query specified in the URI is not valid. " + e.getMessage() + " Operator '" + op + "'.");
            }
        }
    }

    private Object sampleOf(Expr expr) {
        if (expr instanceof Expr.Literal literal) {
            return literal.value();
        }
        if (expr instanceof Expr.Property property) {
            Object sample = catalog.sample(property.name());
            return sample instanceof Map || sample instanceof List ? null : sample;
        }
        return null;
    }

    private String readString() {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\'') {
                if (pos < text.length() && text.charAt(pos) == '\'') {
                    sb.append('\'');
                    pos++;
                } else {
                    return sb.toString();
                }
            } else {
                sb.append(c);
            }
        }
        throw error("unterminated string literal");
    }

    /** An unquoted OData GUID literal at the current position, or null; it may start with a digit or a letter. */
    private String readGuid() {
        Matcher matcher = GUID.matcher(text).region(pos, text.length());
        if (!matcher.lookingAt() || (matcher.end() < text.length() && isLiteralChar(text.charAt(matcher.end())))) {
            return null;
        }
        pos = matcher.end();
        return matcher.group();
    }

    private Object readNumberOrDate() {
        int start = pos;
        pos++;
        while (pos < text.length() && isLiteralChar(text.charAt(pos))) {
            pos++;
        }
        String token = text.substring(start, pos);
        if (token.length() >= 10 && token.charAt(4) == '-' && token.charAt(7) == '-') {
            return parseDate(token);
        }
        try {
            if (token.endsWith("L") || token.endsWith("l")) {
                return Long.parseLong(token.substring(0, token.length() - 1));
            }
            if (token.matches("-?\\d+")) {
                return Long.parseLong(token);
            }
            String decimal = token.replaceAll("[mMdDfF]$", "");
            return Double.parseDouble(decimal);
        } catch (NumberFormatException e) {
            throw error("invalid number literal '" + token + "'");
        }
    }

    private Instant parseDate(String token) {
        try {
            if (token.length() == 10) {
                return LocalDate.parse(token).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(token).toInstant();
        } catch (DateTimeParseException e) {
            throw error("invalid date literal '" + token + "'");
        }
    }

    private static boolean isLiteralChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == ':' || c == '-' || c == '+';
    }

    private String readPath() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '/' || c == '.') {
                pos++;
            } else {
                break;
            }
        }
        return text.substring(start, pos);
    }

    private String readWord() {
        int start = pos;
        while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private boolean acceptWord(String word) {
        skipSpaces();
        int end = pos + word.length();
        if (text.startsWith(word, pos)
                && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))
                && end < text.length()) {
            pos = end;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        skipSpaces();
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw error("expected '" + c + "' at position " + pos);
        }
        pos++;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private ApiException error(String detail) {
        return ApiException.badQuery("The query specified in the URI is not valid. $filter: " + detail + ".");
    }
}
