package io.github.uipathbridge.simulator.odata;

import io.github.uipathbridge.simulator.data.Entity;
import io.github.uipathbridge.simulator.http.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A node of a parsed {@code $filter} expression, evaluated against one entity. */
public sealed interface Expr {

    Object eval(Map<String, Object> entity);

    /** Whether the expression is true for the entity; anything but {@code true} (null included) is false. */
    default boolean test(Map<String, Object> entity) {
        return Boolean.TRUE.equals(eval(entity));
    }

    /** A property or navigation path such as {@code Robot/Id}. */
    record Property(String name, String[] path) implements Expr {
        @Override
        public Object eval(Map<String, Object> entity) {
            return Entity.get(entity, path);
        }
    }

    /** A literal: String, Long, Double, Boolean, Instant or null. */
    record Literal(Object value) implements Expr {
        @Override
        public Object eval(Map<String, Object> entity) {
            return value;
        }
    }

    /** The comparison operators of OData. */
    enum Op {
        EQ,
        NE,
        GT,
        GE,
        LT,
        LE
    }

    record Compare(Op op, Expr left, Expr right) implements Expr {
        @Override
        public Object eval(Map<String, Object> entity) {
            Object l = left.eval(entity);
            Object r = right.eval(entity);
            if (l == null || r == null) {
                boolean bothNull = l == null && r == null;
                return op == Op.EQ ? bothNull : op == Op.NE ? !bothNull : false;
            }
            int c = Values.compare(l, r);
            return switch (op) {
                case EQ -> c == 0;
                case NE -> c != 0;
                case GT -> c > 0;
                case GE -> c >= 0;
                case LT -> c < 0;
                case LE -> c <= 0;
            };
        }
    }

    record And(Expr left, Expr right) implements Expr {
        @Override
        public Object eval(Map<String, Object> entity) {
            return left.test(entity) && right.test(entity);
        }
    }

    record Or(Expr left, Expr right) implements Expr {
        @Override
        public Object eval(Map<String, Object> entity) {
            return left.test(entity) || right.test(entity);
        }
    }

    record Not(Expr operand) implements Expr {
        @Override
        public Object eval(Map<String, Object> entity) {
            return !operand.test(entity);
        }
    }

    /** The string functions: contains, startswith, endswith (boolean), tolower, toupper, trim (string), length. */
    record Call(String function, List<Expr> args) implements Expr {
        @Override
        public Object eval(Map<String, Object> entity) {
            Object first = args.get(0).eval(entity);
            if (first == null) {
                return null;
            }
            String s = first.toString();
            if (args.size() == 1) {
                return switch (function) {
                    case "tolower" -> s.toLowerCase(Locale.ROOT);
                    case "toupper" -> s.toUpperCase(Locale.ROOT);
                    case "trim" -> s.strip();
                    default -> (long) s.length();
                };
            }
            Object second = args.get(1).eval(entity);
            if (second == null) {
                return false;
            }
            // SQL Server's default collation is case-insensitive, and so are these functions on the real service.
            String a = s.toLowerCase(Locale.ROOT);
            String b = second.toString().toLowerCase(Locale.ROOT);
            return switch (function) {
                case "contains" -> a.contains(b);
                case "startswith" -> a.startsWith(b);
                default -> a.endsWith(b);
            };
        }
    }

    /** Comparison of literal and property values. */
    final class Values {
        private Values() {}

        static int compare(Object l, Object r) {
            if (l instanceof Number a && r instanceof Number b) {
                if (isIntegral(a) && isIntegral(b)) {
                    return Long.compare(a.longValue(), b.longValue());
                }
                return Double.compare(a.doubleValue(), b.doubleValue());
            }
            if (l instanceof String a && r instanceof String b) {
                return a.compareToIgnoreCase(b);
            }
            if (l instanceof Instant a && r instanceof Instant b) {
                return a.compareTo(b);
            }
            if (l instanceof Boolean a && r instanceof Boolean b) {
                return Boolean.compare(a, b);
            }
            throw ApiException.badQuery("A binary operator with incompatible types was detected. Found operand types '"
                    + edmType(l) + "' and '" + edmType(r) + "'.");
        }

        static boolean isIntegral(Number n) {
            return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
        }

        static String edmType(Object value) {
            if (value instanceof String) {
                return "Edm.String";
            }
            if (value instanceof Number n) {
                return isIntegral(n) ? "Edm.Int64" : "Edm.Double";
            }
            if (value instanceof Instant) {
                return "Edm.DateTimeOffset";
            }
            if (value instanceof Boolean) {
                return "Edm.Boolean";
            }
            return "Edm.ComplexType";
        }
    }
}
