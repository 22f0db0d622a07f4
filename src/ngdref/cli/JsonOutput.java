package ngdref.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * JSON in and out, with Jackson.
 *
 * <p>Reading: a JSON number is rounded to double once, to nearest, from its full text
 * ({@link Double#parseDouble}; −0.0 keeps its sign; an integer beyond 2^53 is rounded from its
 * exact BigInteger), and the literals NaN, Infinity and -Infinity are accepted
 * (Python's {@code json.dumps} writes them) so that the library can reject them by name.
 *
 * <p>Writing: every double is an object {@code {"dec": <shortest round-trip decimal>, "hex":
 * "<Double.toHexString>"}} (the decimal is a JSON number when finite, else the string "NaN",
 * "Infinity" or "-Infinity"); vectors and matrices are {@code {"dec": [...], "hex": [...]}}.
 */
final class JsonOutput {

    /** The shared mapper (thread-safe once configured). */
    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                    .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    // {"gamma": 1, "gamma": 2} is refused, not read as the last one.
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonOutput() {
    }

    /** {@code w} with close() reduced to flush(): standard output stays open for picocli. */
    static java.io.Writer unclosable(java.io.Writer w) {
        return new java.io.FilterWriter(w) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /**
     * Parses one JSON value from a line (trailing content is an error).
     *
     * @throws IOException with Jackson's description of the syntax error
     */
    static JsonNode parse(String line) throws IOException {
        try (JsonParser p = MAPPER.createParser(line)) {
            return parse(p);
        }
    }

    /** {@link #parse(String)} from UTF-8 bytes: no String copy of a long line. */
    static JsonNode parse(byte[] bytes, int offset, int length) throws IOException {
        try (JsonParser p = MAPPER.createParser(bytes, offset, length)) {
            return parse(p);
        }
    }

    private static JsonNode parse(JsonParser p) throws IOException {
        final JsonNode node = MAPPER.readTree(p);
        if (node == null) {
            throw new IOException("no JSON value (the input is empty)");
        }
        if (p.nextToken() != null) {
            throw new IOException("trailing content after the JSON value at column "
                    + p.currentLocation().getColumnNr());
        }
        return node;
    }

    /**
     * One answer: {@code {"id": …, "line": n, "op": …, "result": {…}, "certify_note": …}} or, when
     * {@code error} is not null, {@code {"id": …, "line": n, "op": …, "error": {"kind": …,
     * "field": …, "message": …}}}. "id" is echoed as given (any JSON value, null when absent or
     * unreadable); "line" is omitted when {@code line} &lt; 1; "op" is null when unknown.
     */
    static void writeAnswer(JsonGenerator gen, JsonNode id, long line, String op, Result result,
                            RequestException error) throws IOException {
        gen.writeStartObject();
        gen.writeFieldName("id");
        if (id == null) {
            gen.writeNull();
        } else {
            gen.writeTree(id);
        }
        if (line >= 1) {
            gen.writeNumberField("line", line);
        }
        if (op == null) {
            gen.writeNullField("op");
        } else {
            gen.writeStringField("op", op);
        }
        if (error != null) {
            gen.writeObjectFieldStart("error");
            gen.writeStringField("kind", error.kind().json());
            if (error.field() != null) {
                gen.writeStringField("field", error.field());
            }
            gen.writeStringField("message", encodable(error.getMessage()));
            gen.writeEndObject();
        } else {
            gen.writeFieldName("result");
            writeResult(gen, result);
            if (result.certifyNote() != null) {
                gen.writeStringField("certify_note", result.certifyNote());
            }
        }
        gen.writeEndObject();
    }

    /**
     * {@code s} with every lone surrogate replaced by {@code ?}: a message that quotes input must
     * still be UTF-8 (the input itself is refused with a message naming the surrogate).
     */
    static String encodable(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            final char c = s.charAt(i);
            final boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                if (out != null) {
                    out.append(c).append(s.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(s.substring(0, i));
                }
                out.append('?');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** Writes the members of {@code result} into the current object. */
    static void writeResult(JsonGenerator gen, Result result) throws IOException {
        gen.writeStartObject();
        for (Result.Entry e : result.entries()) {
            gen.writeFieldName(e.key());
            if (e instanceof Result.Scalar) {
                final Result.Scalar s = (Result.Scalar) e;
                writeDouble(gen, s.value(), s.certificate());
            } else if (e instanceof Result.Vector) {
                final Result.Vector vector = (Result.Vector) e;
                final double[] v = vector.value();
                gen.writeStartObject();
                gen.writeFieldName("dec");
                writeDecimals(gen, v);
                gen.writeFieldName("hex");
                writeHexes(gen, v);
                if (vector.certificates() != null) {
                    writeCertificates(gen, vector.certificates());
                }
                gen.writeEndObject();
            } else if (e instanceof Result.Matrix) {
                final double[][] m = ((Result.Matrix) e).value();
                gen.writeStartObject();
                gen.writeArrayFieldStart("dec");
                for (double[] row : m) {
                    writeDecimals(gen, row);
                }
                gen.writeEndArray();
                gen.writeArrayFieldStart("hex");
                for (double[] row : m) {
                    writeHexes(gen, row);
                }
                gen.writeEndArray();
                gen.writeEndObject();
            } else if (e instanceof Result.Count) {
                gen.writeNumber(((Result.Count) e).value());
            } else if (e instanceof Result.Text) {
                gen.writeString(((Result.Text) e).value());
            } else if (e instanceof Result.Flag) {
                gen.writeBoolean(((Result.Flag) e).value());
            } else if (e instanceof Result.Refused) {
                final Result.Refused r = (Result.Refused) e;
                gen.writeStartObject();
                gen.writeObjectFieldStart("error");
                gen.writeStringField("kind", r.kind().json());
                gen.writeStringField("message", r.message());
                gen.writeEndObject();
                gen.writeEndObject();
            }
        }
        gen.writeEndObject();
    }

    /** {"dec": …, "hex": …} plus, with a certificate, "exact", "err", "rounded" and "ulps". */
    static void writeDouble(JsonGenerator gen, double x, Certificate c) throws IOException {
        gen.writeStartObject();
        gen.writeFieldName("dec");
        writeDecimal(gen, x);
        gen.writeStringField("hex", Numbers.hex(x));
        if (c != null) {
            gen.writeStringField("exact", c.exact().toString());
            gen.writeStringField("err", c.errorBound().toString());
            gen.writeFieldName("rounded");
            writeRounded(gen, c);
            gen.writeFieldName("ulps");
            writeUlps(gen, c);
        }
        gen.writeEndObject();
    }

    /** A certified vector's "exact", "err", "rounded" and "ulps", one array element per component. */
    private static void writeCertificates(JsonGenerator gen, Certificate[] cs) throws IOException {
        gen.writeArrayFieldStart("exact");
        for (Certificate c : cs) {
            gen.writeString(c.exact().toString());
        }
        gen.writeEndArray();
        gen.writeArrayFieldStart("err");
        for (Certificate c : cs) {
            gen.writeString(c.errorBound().toString());
        }
        gen.writeEndArray();
        gen.writeArrayFieldStart("rounded");
        for (Certificate c : cs) {
            writeRounded(gen, c);
        }
        gen.writeEndArray();
        gen.writeArrayFieldStart("ulps");
        for (Certificate c : cs) {
            writeUlps(gen, c);
        }
        gen.writeEndArray();
    }

    private static void writeRounded(JsonGenerator gen, Certificate c) throws IOException {
        if (c.correctlyRounded().isPresent()) {
            gen.writeString(Numbers.hex(c.correctlyRounded().getAsDouble()));
        } else {
            gen.writeNull();
        }
    }

    /** The ulp error: a number, a [lower, upper] pair when undecided, null without a value. */
    private static void writeUlps(JsonGenerator gen, Certificate c) throws IOException {
        if (c.ulpsLower() < 0) {
            gen.writeNull();
        } else if (c.ulpsLower() == c.ulpsUpper()) {
            gen.writeNumber(c.ulpsLower());
        } else {
            gen.writeStartArray();
            gen.writeNumber(c.ulpsLower());
            gen.writeNumber(c.ulpsUpper());
            gen.writeEndArray();
        }
    }

    /** A finite double as a JSON number (shortest round-trip), a non-finite one as a string. */
    static void writeDecimal(JsonGenerator gen, double x) throws IOException {
        if (Double.isFinite(x)) {
            gen.writeNumber(x);
        } else {
            gen.writeString(Numbers.decimal(x));
        }
    }

    private static void writeDecimals(JsonGenerator gen, double[] v) throws IOException {
        gen.writeStartArray();
        for (double x : v) {
            writeDecimal(gen, x);
        }
        gen.writeEndArray();
    }

    private static void writeHexes(JsonGenerator gen, double[] v) throws IOException {
        gen.writeStartArray();
        for (double x : v) {
            gen.writeString(Numbers.hex(x));
        }
        gen.writeEndArray();
    }
}
