package ngdref.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import ngdref.cli.RequestException.Kind;

/**
 * One request: a JSON object naming an operation and its inputs, as read from a batch line, a
 * {@code --input} file or built from command-line options. Every double may be a JSON number, a
 * decimal string or a hex-float string ({@link Numbers#parse}); vectors are arrays of such
 * values, matrices arrays of rows.
 *
 * <p>Accessors record which fields were read, so that {@link #requireAllRead()} can name a field
 * that the operation ignores (a typo such as "gama" must not silently give γ = 1).
 */
final class Request {

    /** Members allowed on every request. */
    private static final Set<String> COMMON = Set.of("op", "id");

    private final ObjectNode node;
    private final Set<String> read = new LinkedHashSet<>();

    Request(ObjectNode node) {
        this.node = node;
    }

    /**
     * Parses one request: a JSON object (strict: a repeated key is an error, not the last one
     * wins) whose strings and keys are all encodable in UTF-8 (an escaped lone half of a surrogate
     * pair is refused rather than written back as "?").
     *
     * @param text the JSON text
     * @param where a prefix for messages ("req.json: "), or ""
     * @throws RequestException of kind bad_json naming the fault and its column
     */
    static ObjectNode parseObject(String text, String where) {
        final byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return parseObject(bytes, 0, bytes.length, where);
    }

    /** {@link #parseObject(String, String)} from UTF-8 bytes (already checked by {@link Utf8}). */
    static ObjectNode parseObject(byte[] bytes, int offset, int length, String where) {
        final JsonNode node;
        try {
            node = JsonOutput.parse(bytes, offset, length);
        } catch (JsonProcessingException e) {
            throw new RequestException(Kind.BAD_JSON, null, where + "not JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw new RequestException(Kind.BAD_JSON, null, where + "not JSON: " + e.getMessage());
        }
        requireEncodable(node, where);
        if (!node.isObject()) {
            throw new RequestException(Kind.BAD_JSON, null, where + "a request must be a JSON object, got "
                    + describe(node));
        }
        return (ObjectNode) node;
    }

    /** Refuses a lone surrogate in any key or string of {@code node} (Jackson bounds the nesting depth). */
    private static void requireEncodable(JsonNode node, String where) {
        if (node.isTextual()) {
            requireEncodable(node.textValue(), where);
        } else if (node.isObject()) {
            final Iterator<java.util.Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                final java.util.Map.Entry<String, JsonNode> f = fields.next();
                requireEncodable(f.getKey(), where);
                requireEncodable(f.getValue(), where);
            }
        } else if (node.isArray()) {
            for (JsonNode v : node) {
                requireEncodable(v, where);
            }
        }
    }

    private static void requireEncodable(String s, String where) {
        for (int i = 0; i < s.length(); i++) {
            final char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new RequestException(Kind.BAD_JSON, null, where + String.format(java.util.Locale.ROOT,
                        "a string holds the lone surrogate \\u%04x (at character %d of \"%s\"), which"
                        + " no UTF-8 text can hold; escape a whole pair", (int) c, i + 1,
                        Numbers.abbreviate(JsonOutput.encodable(s))));
            }
        }
    }

    /** The request object. */
    ObjectNode node() {
        return node;
    }

    /** The "id" member as given (any JSON value), or null. */
    JsonNode id() {
        return node.get("id");
    }

    /**
     * The operation's name.
     *
     * @throws RequestException if "op" is absent or not a string
     */
    String op() {
        final JsonNode op = node.get("op");
        if (op == null || op.isNull()) {
            throw new RequestException(Kind.MISSING_FIELD, "op", "missing field \"op\": name an"
                    + " operation (" + String.join(", ", Operation.names()) + ")");
        }
        if (!op.isTextual()) {
            throw new RequestException(Kind.BAD_FIELD, "op", "field \"op\" must be a string, got "
                    + describe(op));
        }
        return op.textValue();
    }

    boolean has(String field) {
        final JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    /** A required double. */
    double scalar(String field) {
        return number(required(field), field);
    }

    /** An optional double. */
    double scalar(String field, double otherwise) {
        return has(field) ? scalar(field) : mark(field, otherwise);
    }

    /** An optional boolean. */
    boolean flag(String field, boolean otherwise) {
        if (!has(field)) {
            return mark(field, otherwise);
        }
        final JsonNode v = required(field);
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual() && (v.textValue().equals("true") || v.textValue().equals("false"))) {
            return Boolean.parseBoolean(v.textValue());
        }
        throw new RequestException(Kind.BAD_FIELD, field, "field \"" + field
                + "\" must be true or false, got " + describe(v));
    }

    /** An optional positive integer. */
    int count(String field, int otherwise) {
        if (!has(field)) {
            return mark(field, otherwise);
        }
        final JsonNode v = required(field);
        final String text = v.isTextual() ? v.textValue() : v.isIntegralNumber() ? v.asText() : null;
        try {
            if (text != null) {
                return Integer.parseInt(text);
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new RequestException(Kind.BAD_FIELD, field, "field \"" + field
                + "\" must be an integer, got " + describe(v));
    }

    /** An optional string. */
    String text(String field, String otherwise) {
        if (!has(field)) {
            return mark(field, otherwise);
        }
        final JsonNode v = required(field);
        if (!v.isTextual()) {
            throw new RequestException(Kind.BAD_FIELD, field, "field \"" + field
                    + "\" must be a string, got " + describe(v));
        }
        return v.textValue();
    }

    /** A required vector. */
    double[] vector(String field) {
        return vector(required(field), field);
    }

    /** An optional vector, null when absent. */
    double[] vectorOrNull(String field) {
        return has(field) ? vector(field) : mark(field, null);
    }

    /** A required matrix (array of rows of equal length). */
    double[][] matrix(String field) {
        final JsonNode v = required(field);
        if (!v.isArray()) {
            throw new RequestException(Kind.BAD_FIELD, field, "field \"" + field
                    + "\" must be an array of rows, got " + describe(v));
        }
        final double[][] m = new double[v.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = vector(v.get(i), field + "[" + i + "]");
            if (i > 0 && m[i].length != m[0].length) {
                throw new RequestException(Kind.BAD_FIELD, field, "field \"" + field + "\" is ragged:"
                        + " row " + i + " has " + m[i].length + " entries but row 0 has " + m[0].length);
            }
        }
        return m;
    }

    /** An optional matrix, null when absent. */
    double[][] matrixOrNull(String field) {
        return has(field) ? matrix(field) : mark(field, null);
    }

    /**
     * Checks that every member was read by the operation.
     *
     * @param op the operation, for the message
     * @throws RequestException naming the first member that was not
     */
    void requireAllRead(String op) {
        final Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            final String name = names.next();
            if (!COMMON.contains(name) && !read.contains(name)) {
                final List<String> known = new ArrayList<>(read);
                throw new RequestException(Kind.UNKNOWN_FIELD, name, "unknown field \"" + name
                        + "\" for op \"" + op + "\" (it reads " + String.join(", ", known) + ")");
            }
        }
    }

    private <T> T mark(String field, T value) {
        read.add(field);
        return value;
    }

    private JsonNode required(String field) {
        read.add(field);
        final JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new RequestException(Kind.MISSING_FIELD, field, "missing field \"" + field + "\"");
        }
        return v;
    }

    private static double[] vector(JsonNode v, String field) {
        if (!v.isArray()) {
            throw new RequestException(Kind.BAD_FIELD, field, "field \"" + field
                    + "\" must be an array of numbers, got " + describe(v));
        }
        final double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(v.get(i), field + "[" + i + "]");
        }
        return out;
    }

    /**
     * A double from a JSON number (its exact decimal text rounded once), a decimal or a
     * hex-float string.
     */
    static double number(JsonNode v, String where) {
        if (v.isNumber()) {
            if (v.isBigDecimal()) {
                return Double.parseDouble(v.decimalValue().toString());
            }
            if (v.isIntegralNumber()) {
                return v.bigIntegerValue().doubleValue();   // correctly rounded
            }
            return v.doubleValue();                          // NaN, ±Infinity literals
        }
        if (v.isTextual()) {
            try {
                return Numbers.parse(v.textValue());
            } catch (NumberFormatException e) {
                throw new RequestException(Kind.BAD_NUMBER, base(where), where + ": " + e.getMessage());
            }
        }
        throw new RequestException(Kind.BAD_NUMBER, base(where), where + ": expected a number,"
                + " a decimal string or a hex-float string, got " + describe(v));
    }

    private static String base(String where) {
        final int bracket = where.indexOf('[');
        return bracket < 0 ? where : where.substring(0, bracket);
    }

    static String describe(JsonNode v) {
        if (v.isArray()) {
            return "an array";
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isTextual()) {
            return "the string \"" + Numbers.abbreviate(v.textValue()) + "\"";
        }
        return Numbers.abbreviate(v.toString());
    }
}
