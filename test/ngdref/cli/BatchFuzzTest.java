package ngdref.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing {@code batch} (issue 14): random bytes, random JSON, random valid requests of every op
 * and mutations of them, in one stream. Invariants: one answer per input line, in order ("line" =
 * its number), each a JSON object with exactly one of "result" and "error", every error kind one
 * of docs/cli.md's, no {@code internal_error} (a bug), exit code 0, no stack trace on standard
 * error; and each valid {@code echo} returns the very doubles this test generated.
 *
 * <p>Lines: 10 × the jqwik tries of the run (pom.xml: 200 by default, 3000 in {@code -Plong}),
 * at least 3000: 3000 lines by default, 30,000 in the long profile; {@code -Dngdref.fuzz.lines=N}
 * overrides.
 */
class BatchFuzzTest {

    private static final String[] OPS = {"echo", "geometry", "spectrum", "bounds", "metric", "decompose", "verify",
        "discrete", "time_varying", "stochastic"};
    private static final String[] FIELDS = {"op", "id", "g", "y", "x", "b", "gamma", "alpha", "dense",
        "eigenvectors", "m", "tolerance", "A", "theta", "eta", "gradient", "nodes", "theta_dot",
        "grad_theta", "dl_dt", "g_samples", "ybar_samples", "hg_samples"};

    static int lines() {
        final String explicit = System.getProperty("ngdref.fuzz.lines");
        if (explicit != null) {
            return Integer.parseInt(explicit);
        }
        final int tries = Integer.parseInt(System.getProperty("jqwik.tries.default", "200"));
        return Math.max(3000, 10 * tries);
    }

    /** One generated line and, for a valid echo, the doubles its answer must hold. */
    private record Line(byte[] bytes, double[] echo) {
    }

    private final SplittableRandom rng = new SplittableRandom(20261129);

    private double randomDouble() {
        switch (rng.nextInt(8)) {
            case 0:
                return Double.longBitsToDouble(rng.nextLong());           // any bits: NaN, ∞, subnormal
            case 1:
                return rng.nextInt(-3, 4);
            case 2:
                return Math.scalb(rng.nextDouble() - 0.5, rng.nextInt(-1074, 1024));
            default:
                return rng.nextGaussian();
        }
    }

    private String number(double x) {
        switch (rng.nextInt(4)) {
            case 0:
                return "\"" + Double.toHexString(x) + "\"";
            case 1:
                return "\"" + Numbers.decimal(x) + "\"";
            default:
                return Numbers.decimal(x);      // a JSON number, or the literal NaN/Infinity/-Infinity
        }
    }

    private String vector(int d, double[] keep) {
        final StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < d; i++) {
            final double x = randomDouble();
            if (keep != null) {
                keep[i] = x;
            }
            sb.append(i == 0 ? "" : ",").append(number(x));
        }
        return sb.append(']').toString();
    }

    private String matrix(int rows, int cols) {
        final StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < rows; i++) {
            sb.append(i == 0 ? "" : ",").append(vector(cols, null));
        }
        return sb.append(']').toString();
    }

    /** A symmetric matrix (discrete's A must be), entries as random as the others. */
    private String symmetric(int d) {
        final double[][] a = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = rng.nextInt(4) == 0 ? randomDouble() : rng.nextGaussian();
                a[j][i] = a[i][j];
            }
        }
        final StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < d; i++) {
            sb.append(i == 0 ? "[" : ",[");
            for (int j = 0; j < d; j++) {
                sb.append(j == 0 ? "" : ",").append(number(a[i][j]));
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    private Line validRequest() {
        final String op = OPS[rng.nextInt(OPS.length)];
        final int d = rng.nextInt(2, 7);
        final StringBuilder sb = new StringBuilder("{\"id\":").append(rng.nextInt(1000)).append(",\"op\":\"").append(op).append('"');
        double[] echo = null;
        switch (op) {
            case "echo":
                echo = new double[d];
                sb.append(",\"x\":").append(vector(d, echo));
                break;
            case "geometry":
            case "bounds":
                sb.append(",\"g\":").append(vector(d, null)).append(",\"y\":").append(vector(d, null));
                break;
            case "spectrum":
            case "metric":
            case "decompose":
                sb.append(",\"g\":").append(vector(d, null)).append(",\"y\":").append(vector(d, null));
                if (rng.nextBoolean()) {
                    sb.append(rng.nextBoolean() ? ",\"gamma\":" : ",\"alpha\":").append(number(randomDouble()));
                }
                if (op.equals("metric")) {
                    sb.append(",\"x\":").append(vector(d, null)).append(",\"eigenvectors\":").append(rng.nextBoolean());
                    if (rng.nextInt(4) == 0) {
                        sb.append(",\"dense\":true");
                    }
                }
                break;
            case "verify":
                sb.append(",\"m\":").append(symmetric(d)).append(",\"g\":").append(vector(d, null))
                        .append(",\"y\":").append(vector(d, null));
                break;
            case "discrete":
                sb.append(",\"A\":").append(symmetric(d)).append(",\"theta\":").append(vector(d, null))
                        .append(",\"eta\":").append(number(Math.abs(randomDouble())))
                        .append(",\"gradient\":\"").append(new String[] {"midpoint", "itoh_abe", "avf", "taylor"}[rng.nextInt(4)]).append('"');
                break;
            case "time_varying":
                sb.append(",\"theta_dot\":").append(vector(d, null)).append(",\"grad_theta\":").append(vector(d, null))
                        .append(",\"dl_dt\":").append(number(randomDouble()));
                break;
            default:    // stochastic
                final int n = rng.nextInt(1, 4);
                sb.append(",\"g_samples\":").append(matrix(n, d)).append(",\"ybar_samples\":").append(matrix(n, d))
                        .append(",\"hg_samples\":").append(matrix(n, d)).append(",\"eta\":").append(number(Math.abs(randomDouble())));
                break;
        }
        return new Line(sb.append('}').toString().getBytes(StandardCharsets.UTF_8), echo);
    }

    private String randomJson(int depth) {
        switch (rng.nextInt(depth <= 0 ? 5 : 7)) {
            case 0:
                return number(randomDouble());
            case 1:
                return new String[] {"true", "false", "null", "NaN", "-Infinity", "\"\"", "\"\\ud800\"", "\"é\\u0000\""}[rng.nextInt(8)];
            case 2:
                return "\"" + FIELDS[rng.nextInt(FIELDS.length)] + "\"";
            case 3:
                return "\"" + OPS[rng.nextInt(OPS.length)] + "\"";
            case 4:
                return Long.toString(rng.nextLong());
            case 5: {
                final StringBuilder sb = new StringBuilder("[");
                final int n = rng.nextInt(4);
                for (int i = 0; i < n; i++) {
                    sb.append(i == 0 ? "" : ",").append(randomJson(depth - 1));
                }
                return sb.append(']').toString();
            }
            default: {
                final StringBuilder sb = new StringBuilder("{");
                final int n = rng.nextInt(5);
                for (int i = 0; i < n; i++) {
                    sb.append(i == 0 ? "" : ",").append('"').append(FIELDS[rng.nextInt(FIELDS.length)]).append("\":")
                            .append(randomJson(depth - 1));
                }
                return sb.append('}').toString();
            }
        }
    }

    private byte[] randomBytes() {
        final byte[] b = new byte[rng.nextInt(0, 80)];
        for (int i = 0; i < b.length; i++) {
            byte x = (byte) rng.nextInt(256);
            b[i] = x == '\n' ? (byte) '\r' : x;
        }
        return b;
    }

    private byte[] mutate(byte[] b) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final int at = b.length == 0 ? 0 : rng.nextInt(b.length);
        final int what = rng.nextInt(4);
        out.write(b, 0, at);
        if (what == 0 || what == 2) {
            final String noise = "\r\t{}[],:\"\\x0e9.-";
            out.write(noise.charAt(rng.nextInt(noise.length())));
        }
        if (what == 3) {
            out.write(0xc0 + rng.nextInt(64));       // a UTF-8 lead byte, probably invalid here
        }
        final int skip = what >= 1 && at < b.length ? 1 : 0;
        out.write(b, at + skip, b.length - at - skip);
        return out.toByteArray();
    }

    private Line next() {
        switch (rng.nextInt(10)) {
            case 0:
                return new Line(randomBytes(), null);
            case 1:
            case 2:
                return new Line(randomJson(4).getBytes(StandardCharsets.UTF_8), null);
            case 3:
            case 4:
                return new Line(mutate(validRequest().bytes()), null);
            default:
                return validRequest();
        }
    }

    /** Checks the answers as they are written, line by line (no copy of the whole output). */
    private static final class Checker extends Writer {
        private final List<Line> input;
        private final Set<String> kinds;
        private final StringBuilder current = new StringBuilder();
        private int answered;
        /** The first violated invariant (thrown at the end: an Error inside the writer would be the CLI's). */
        private AssertionError failure;
        /** Answers with a result, by op: the generator must reach the computations. */
        private final java.util.Map<String, Integer> results = new java.util.TreeMap<>();

        Checker(List<Line> input, Set<String> kinds) {
            this.input = input;
            this.kinds = kinds;
        }

        @Override
        public void write(char[] c, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (c[i] == '\n') {
                    try {
                        check(current.toString());
                    } catch (AssertionError e) {
                        if (failure == null) {
                            failure = e;
                        }
                    }
                    current.setLength(0);
                } else {
                    current.append(c[i]);
                }
            }
        }

        private void check(String text) {
            answered++;
            final String where = "answer " + answered + ": " + text;
            assertTrue(answered <= input.size(), where);
            for (int i = 0; i < text.length(); i++) {
                final char c = text.charAt(i);
                assertFalse(c == '\uFFFD', where);
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    assertFalse(Character.isSurrogate(c), where);
                }
            }
            final JsonNode a = CliRun.parse(text);
            assertTrue(a.isObject(), where);
            assertEquals(answered, a.path("line").asInt(), where);
            assertTrue(a.has("result") ^ a.has("error"), where);
            if (a.has("error")) {
                final String kind = a.get("error").path("kind").asText();
                assertTrue(kinds.contains(kind), "undocumented kind " + kind + " in " + where);
                if (kind.equals("internal_error")) {
                    fail("a bug: " + where + "\n  for input " + new String(input.get(answered - 1).bytes(),
                            StandardCharsets.UTF_8));
                }
            }
            if (a.has("result")) {
                results.merge(a.path("op").asText(), 1, Integer::sum);
            }
            final double[] echo = input.get(answered - 1).echo();
            if (echo != null) {
                final JsonNode x = a.path("result").path("x").path("hex");
                assertEquals(echo.length, x.size(), where);
                for (int i = 0; i < echo.length; i++) {
                    assertEquals(Double.doubleToLongBits(echo[i]),
                            Double.doubleToLongBits(Double.parseDouble(x.get(i).asText())), where);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** The error kinds of docs/cli.md's table ("| `kind` | …"). */
    private static Set<String> documentedKinds() throws IOException {
        final String doc = Files.readString(Path.of("docs", "cli.md"), StandardCharsets.UTF_8);
        final Set<String> kinds = new HashSet<>();
        final java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\| `([a-z_]+)` \\|").matcher(doc);
        while (m.find()) {
            kinds.add(m.group(1));
        }
        for (RequestException.Kind k : RequestException.Kind.values()) {
            assertTrue(kinds.contains(k.json()), "kind " + k.json() + " is not in docs/cli.md's table");
        }
        return kinds;
    }

    @Test
    void everyLineIsAnsweredInOrderWithoutABug() throws IOException {
        final int n = lines();
        final List<Line> input = new ArrayList<>(n);
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++) {
            final Line line = next();
            input.add(line);
            bytes.write(line.bytes());
            if (rng.nextInt(10) == 0) {
                bytes.write('\r');                   // \r\n: the same record
            }
            bytes.write('\n');
        }
        final Checker checker = new Checker(input, documentedKinds());
        final long t0 = System.nanoTime();
        final CliRun run = CliRun.withStreams(new ByteArrayInputStream(bytes.toByteArray()), checker, "batch");
        final double seconds = (System.nanoTime() - t0) * 1e-9;
        if (checker.failure != null) {
            throw checker.failure;
        }
        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.err());
        assertEquals(n, checker.answered);
        System.out.printf(Locale.ROOT, "BatchFuzzTest: %d lines (%d bytes) in %.1f s; results by op %s%n", n,
                bytes.size(), seconds, checker.results);
        assertEquals(Set.of(OPS), checker.results.keySet(), "ops never answered with a result");
    }
}
