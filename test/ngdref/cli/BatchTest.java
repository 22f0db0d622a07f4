package ngdref.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Batch mode in-process: each kind of malformed line gets its own error object and leaves its
 * neighbours' answers intact; hex floats go through bit-exactly.
 */
class BatchTest {

    private static final MathContext MC = new MathContext(40);
    /** 2 + √2, λ_max of M_opt for g = (1,0,0), y = (1,1,0), by hand (see ComputeCommandsTest). */
    private static final double LAMBDA_MAX = BigDecimal.valueOf(2).add(BigDecimal.valueOf(2).sqrt(MC)).doubleValue();
    private static final String GOOD = "{\"id\": \"good\", \"op\": \"spectrum\", \"g\": [1, 0, 0], \"y\": [1, 1, 0]}";

    /**
     * A malformed line and what its error object must say.
     *
     * @param line the input line
     * @param kind the expected "kind"
     * @param field the expected "field", or null when absent
     * @param message a fragment of the expected "message"
     */
    record Bad(String line, String kind, String field, String message) {
    }

    private static final List<Bad> BAD = List.of(
            new Bad("{\"id\": 1, \"op\": \"spectrum\", \"g\": [1, 0, 0], \"y\": [1, 1",
                    "bad_json", null, "not JSON: Unexpected end-of-input"),
            new Bad("spectrum g=1,0,0", "bad_json", null, "not JSON: Unrecognized token 'spectrum'"),
            new Bad("", "empty_line", null, "empty line"),
            new Bad("[1, 2, 3]", "bad_json", null, "a request must be a JSON object, got an array"),
            new Bad("{\"id\": 2, \"op\": \"spectrum\", \"g\": [1, 0, 0], \"y\": [1, 1]}",
                    "invalid_argument", null, "y has length 2 but g has length 3; they must have the same dimension"),
            new Bad("{\"id\": 3, \"op\": \"spectrum\", \"g\": [1, 0, NaN], \"y\": [1, 1, 0]}",
                    "invalid_argument", null, "g[2] is NaN; entries must be finite"),
            new Bad("{\"id\": 4, \"op\": \"spectrum\", \"g\": [1, 0, 0], \"y\": [1, \"NaN\", 0]}",
                    "invalid_argument", null, "y[1] is NaN; entries must be finite"),
            new Bad("{\"id\": 5, \"op\": \"spectrum\", \"g\": [1, 0, 0], \"y\": [1, 1e400, 0]}",
                    "invalid_argument", null, "y[1] is +Infinity; entries must be finite"),
            new Bad("{\"id\": 6, \"op\": \"spectrum\", \"g\": [1, 0, 0], \"y\": [-1, 1, 0]}",
                    "not_effective", null, "not an effective update: yᵀg = -1.0 <= 0"),
            new Bad("{\"id\": 7, \"op\": \"geometry\", \"g\": [1, 0], \"y\": [0, 1]}",
                    "not_effective", null, "not an effective update: yᵀg = 0.0 <= 0"),
            new Bad("{\"id\": 8, \"op\": \"spectrum\", \"g\": [1, 0, 0]}", "missing_field", "y", "missing field \"y\""),
            new Bad("{\"id\": 9, \"g\": [1, 0, 0], \"y\": [1, 1, 0]}", "missing_field", "op", "missing field \"op\""),
            new Bad("{\"id\": 10, \"op\": \"eigenvalues\", \"g\": [1, 0, 0], \"y\": [1, 1, 0]}",
                    "unknown_op", "op", "unknown op \"eigenvalues\""),
            new Bad("{\"id\": 11, \"op\": \"spectrum\", \"g\": [1, 0, 0], \"y\": [1, 1, 0], \"gama\": 2}",
                    "unknown_field", "gama", "unknown field \"gama\""),
            new Bad("{\"id\": 12, \"op\": \"spectrum\", \"g\": [1, 0, 0], \"y\": [1, \"one\", 0]}",
                    "bad_number", "y", "y[1]: 'one' is not a decimal"),
            new Bad("{\"id\": 13, \"op\": \"spectrum\", \"g\": [1, true, 0], \"y\": [1, 1, 0]}",
                    "bad_number", "g", "g[1]: expected a number"),
            new Bad("{\"id\": 14, \"op\": \"spectrum\", \"g\": \"1,0,0\", \"y\": [1, 1, 0]}",
                    "bad_field", "g", "field \"g\" must be an array of numbers"),
            new Bad("{\"id\": 15, \"op\": \"spectrum\", \"g\": [1, 0, 0], \"y\": [1, 1, 0], \"gamma\": 0}",
                    "invalid_argument", null, "gamma = 0.0; it must be > 0"),
            new Bad("{\"id\": 16, \"op\": \"spectrum\", \"g\": [1, 0, 0], \"y\": [1, 1, 0], \"gamma\": 1, \"alpha\": 2}",
                    "bad_field", "alpha", "not both"),
            new Bad("{\"id\": 18, \"op\": \"spectrum\", \"g\": [1], \"y\": [1]}",
                    "invalid_argument", null, "g has dimension 1; the paper's constructions need D >= 2"),
            new Bad("{\"id\": 19, \"op\": \"spectrum\", \"g\": [0, 0], \"y\": [1, 1]}",
                    "invalid_argument", null, "g is the zero vector"),
            new Bad("{\"id\": 20, \"op\": \"spectrum\", \"g\": [1, 0, 0], \"y\": [1, 1, 0]} {}",
                    "bad_json", null, "not JSON"));

    private static void assertGood(JsonNode answer, int line) {
        assertEquals("good", answer.get("id").asText(), answer.toString());
        assertEquals(line, answer.get("line").asInt());
        assertFalse(answer.has("error"), answer.toString());
        final double lambdaMax = CliRun.hex(answer.get("result").get("lambda_max"));
        assertTrue(ExactFamily.ulps(LAMBDA_MAX, lambdaMax) <= 1, answer.toString());
    }

    @Test
    void eachMalformedLineGetsItsOwnErrorAndNeighboursAreAnswered() {
        // good, bad₁, good, bad₂, good, ..., good
        final StringBuilder input = new StringBuilder(GOOD).append('\n');
        for (Bad bad : BAD) {
            input.append(bad.line()).append('\n').append(GOOD).append('\n');
        }
        final CliRun run = CliRun.withInput(input.toString(), "batch");
        assertEquals(0, run.exit(), run.err());
        final JsonNode[] out = run.lines();
        assertEquals(2 * BAD.size() + 1, out.length, run.out());
        assertGood(out[0], 1);
        for (int k = 0; k < BAD.size(); k++) {
            final Bad bad = BAD.get(k);
            final JsonNode answer = out[2 * k + 1];
            final JsonNode error = answer.get("error");
            assertEquals(2 * k + 2, answer.get("line").asInt(), answer.toString());
            assertTrue(error != null && !answer.has("result"), bad.line() + " → " + answer);
            assertEquals(bad.kind(), error.get("kind").asText(), bad.line() + " → " + answer);
            if (bad.field() == null) {
                assertFalse(error.has("field"), answer.toString());
            } else {
                assertEquals(bad.field(), error.get("field").asText(), answer.toString());
            }
            assertTrue(error.get("message").asText().contains(bad.message()), bad.line() + " → " + answer);
            assertGood(out[2 * k + 2], 2 * k + 3);
        }
        // ids are echoed when the line could be read as an object.
        assertEquals(2, out[2 * 4 + 1].get("id").asInt());
        assertTrue(out[1].get("id").isNull());
    }

    /**
     * --jobs N computes up to N lines at once and writes the answers in input order: byte for
     * byte the answers of --jobs 1, on lines of very different cost (certified D = 2 and D = 96,
     * bad lines, a metric with x and b) so that later lines finish first.
     */
    @Test
    void jobsAnswerInInputOrderByteForByte() {
        final SplittableRandom r = new SplittableRandom(20261204);
        final StringBuilder input = new StringBuilder();
        for (int k = 0; k < 24; k++) {
            if (k % 6 == 1) {
                input.append(BAD.get(k % BAD.size()).line()).append('\n');
                continue;
            }
            final int d = k % 3 == 0 ? 96 : 2;
            final StringBuilder g = new StringBuilder();
            final StringBuilder y = new StringBuilder();
            for (int i = 0; i < d; i++) {
                final double gi = (r.nextDouble() + 0.5) * Math.scalb(1.0, r.nextInt(-300, 300));
                g.append(i == 0 ? "" : ", ").append('"').append(Double.toHexString(gi)).append('"');
                y.append(i == 0 ? "" : ", ").append('"').append(Double.toHexString(gi * (0.5 + r.nextDouble()))).append('"');
            }
            final String op = new String[] {"spectrum", "bounds", "geometry", "metric"}[k % 4];
            input.append("{\"id\": ").append(k).append(", \"op\": \"").append(op).append("\", \"g\": [").append(g)
                    .append("], \"y\": [").append(y).append(']')
                    .append(op.equals("metric") ? ", \"x\": [" + g + "], \"b\": [" + y + "]" : "").append("}\n");
        }
        final CliRun one = CliRun.withInput(input.toString(), "batch", "--certify");
        final CliRun three = CliRun.withInput(input.toString(), "batch", "--certify", "--jobs", "3");
        assertEquals(0, one.exit(), one.err());
        assertEquals(24, one.lines().length);
        assertEquals(one.out(), three.out());
        assertEquals(one.exit(), three.exit());
        for (String bad : new String[] {"0", "65", "-1"}) {
            final CliRun run = CliRun.withInput(GOOD + "\n", "batch", "--jobs", bad);
            assertEquals(2, run.exit(), run.err());
            assertTrue(run.err().contains("--jobs must be between 1 and 64, was " + bad), run.err());
        }
    }

    @Test
    void strictExitsOneWhenALineFailed() {
        assertEquals(1, CliRun.withInput(GOOD + "\n\n" + GOOD + "\n", "batch", "--strict").exit());
        assertEquals(0, CliRun.withInput(GOOD + "\n" + GOOD + "\n", "batch", "--strict").exit());
    }

    @Test
    void everyOperationAnswers() {
        final String input = String.join("\n",
                "{\"id\": 1, \"op\": \"echo\", \"x\": [1, 2]}",
                "{\"id\": 2, \"op\": \"geometry\", \"g\": [1, 0], \"y\": [1, 1]}",
                "{\"id\": 3, \"op\": \"bounds\", \"g\": [1, 0], \"y\": [1, 1]}",
                "{\"id\": 4, \"op\": \"metric\", \"g\": [1, 0], \"y\": [1, 1], \"x\": [1, 0], \"b\": [1, 1]}",
                "{\"id\": 5, \"op\": \"decompose\", \"m\": [[2, 1], [1, 2]], \"g\": [1, 0], \"y\": [2, 1]}",
                "{\"id\": 6, \"op\": \"discrete\", \"A\": [[2, 0], [0, 1]], \"theta\": [1, 1], \"eta\": 0.1}",
                "{\"id\": 7, \"op\": \"time_varying\", \"theta_dot\": [-1, 0], \"grad_theta\": [1, 1], \"dl_dt\": 0.5}",
                "{\"id\": 8, \"op\": \"stochastic\", \"g_samples\": [[-1, 0], [-1, 0.2]], \"ybar_samples\": [[-1, 0.5],"
                        + " [-1, 0.3]], \"hg_samples\": [[0.1, 0], [0.1, 0]], \"eta\": 0.1}",
                "{\"id\": 9, \"op\": \"spectrum\", \"g\": [1, 0, 0], \"y\": [1, 1, 0], \"alpha\": 2}") + "\n";
        final JsonNode[] out = CliRun.withInput(input, "batch").lines();
        assertEquals(9, out.length);
        for (int i = 0; i < out.length; i++) {
            assertEquals(i + 1, out[i].get("id").asInt());
            assertTrue(out[i].has("result"), out[i].toString());
        }
        // M(γ=1) for g = (1,0), y = (1,1): [[1,1],[1,3]]; M·(1,0) = (1,1) = y; M⁻¹y = g.
        assertEquals(1.0, Double.parseDouble(out[3].get("result").get("mx").get("hex").get(1).asText()));
        assertEquals(0.0, Double.parseDouble(out[3].get("result").get("solve").get("hex").get(1).asText()), 1e-16);
        // Time-varying: g = (−1, 0, 1), y = −(1, 1, 0.5): yᵀg = 1 − 0.5 = 0.5 > 0.
        assertEquals(-0.5, Double.parseDouble(out[6].get("result").get("y").get("hex").get(2).asText()));
        assertEquals(LAMBDA_MAX, CliRun.hex(out[8].get("result").get("lambda_max")), 1e-15);
    }

    @Test
    void hexFloatsRoundTripBitExactly() {
        final SplittableRandom rng = new SplittableRandom(5);
        final List<Double> values = new ArrayList<>();
        final StringBuilder input = new StringBuilder();
        for (int line = 0; line < 200; line++) {
            input.append("{\"id\": ").append(line).append(", \"op\": \"echo\", \"x\": [");
            for (int i = 0; i < 50; i++) {
                double x;
                do {
                    x = Double.longBitsToDouble(rng.nextLong());
                } while (!Double.isFinite(x));
                if (i == 0) {
                    x = line % 2 == 0 ? -0.0 : Double.MIN_VALUE;
                }
                values.add(x);
                // Alternate the three accepted encodings: hex string, decimal string, JSON number.
                final String text = i % 3 == 0 ? "\"" + Double.toHexString(x) + "\""
                        : i % 3 == 1 ? "\"" + x + "\"" : Double.toString(x);
                input.append(i == 0 ? "" : ", ").append(text);
            }
            input.append("]}\n");
        }
        final JsonNode[] out = CliRun.withInput(input.toString(), "batch").lines();
        assertEquals(200, out.length);
        int k = 0;
        for (JsonNode answer : out) {
            final JsonNode x = answer.get("result").get("x");
            for (int i = 0; i < 50; i++) {
                final long expected = Double.doubleToRawLongBits(values.get(k++));
                final String hex = x.get("hex").get(i).asText();
                assertEquals(Double.toHexString(Double.longBitsToDouble(expected)), hex);
                assertEquals(expected, Double.doubleToRawLongBits(Double.parseDouble(hex)), hex);
                // The decimal, read by an ordinary JSON parser, is the same double.
                final double dec = Double.parseDouble(x.get("dec").get(i).asText());
                assertEquals(expected, Double.doubleToRawLongBits(dec), x.get("dec").get(i).asText());
            }
        }
    }

    @Test
    void certifiedAnswersCarryTheOracle() {
        final CliRun run = CliRun.withInput(GOOD + "\n", "batch", "--certify");
        final JsonNode lambdaMax = run.lines()[0].get("result").get("lambda_max");
        // |2 + √2 − exact| <= err, and err is far below a double's ulp (≥ 30 digits).
        final BigDecimal exact = new BigDecimal(lambdaMax.get("exact").asText());
        final BigDecimal err = new BigDecimal(lambdaMax.get("err").asText());
        final BigDecimal truth = BigDecimal.valueOf(2).add(BigDecimal.valueOf(2).sqrt(new MathContext(80)));
        assertTrue(exact.subtract(truth).abs().compareTo(err) <= 0, lambdaMax.toString());
        assertTrue(err.compareTo(new BigDecimal("1e-30")) < 0, lambdaMax.toString());
        assertTrue(exact.precision() >= 30, lambdaMax.toString());
        assertEquals(Double.toHexString(LAMBDA_MAX), lambdaMax.get("rounded").asText());
        assertEquals(0, lambdaMax.get("ulps").asInt());
    }

    @Test
    void certifiedMetricAnswersCarryTheOracleOfEveryComponent() {
        // M = yyᵀ/(yᵀg) + α(I − ggᵀ/gᵀg) with g = (1, 0, 0), y = (1, 1, 0), α = 2:
        // M = [[1, 1, 0], [1, 3, 0], [0, 0, 2]], so M·(1, 2, 3) = (3, 7, 6) and M⁻¹·(1, 1, 0) = (1, 0, 0);
        // b = (0, 1, 0) gives M⁻¹b = (−1/2, 1/2, 0).
        final CliRun run = CliRun.withInput("{\"op\": \"metric\", \"g\": [1, 0, 0], \"y\": [1, 1, 0],"
                + " \"x\": [1, 2, 3], \"b\": [0, 1, 0], \"dense\": false}\n", "batch", "--certify");
        final JsonNode result = run.lines()[0].get("result");
        assertEquals("[\"3\",\"7\",\"6\"]", result.get("mx").get("exact").toString());
        assertEquals("[\"-0.5\",\"0.5\",\"0\"]", result.get("solve").get("exact").toString());
        assertEquals("[0,0,0]", result.get("solve").get("ulps").toString());
        assertEquals("[\"-0x1.0p-1\",\"0x1.0p-1\",\"0x0.0p0\"]", result.get("solve").get("rounded").toString());
        assertFalse(run.lines()[0].has("certify_note"), run.out());
    }

    @Test
    void aQuantityOutsideTheRangeIsRefusedAloneAndTheOthersAreAnswered() {
        // g = (1e-300, 0), y = (1e300, 1e300): ψ = π/4, so κ = κ_min = (1+√½)/(1−√½) = 3 + 2√2,
        // but λ_max ≈ 2.8e600 and λ_min ≈ 0.5e600 are beyond the double range: refused by name.
        final CliRun run = CliRun.withInput(
                "{\"id\": 17, \"op\": \"spectrum\", \"g\": [1e-300, 0], \"y\": [1e300, 1e300]}\n", "batch");
        assertEquals(0, run.exit(), run.err());
        final JsonNode answer = run.lines()[0];
        assertFalse(answer.has("error"), answer.toString());
        final JsonNode result = answer.get("result");
        assertTrue(result.get("lambda_max").get("error").get("message").asText().contains("λ_max"), answer.toString());
        assertTrue(result.get("lambda_max").get("error").get("message").asText().contains("overflows the range of double"),
                answer.toString());
        assertTrue(result.get("lambda_min").get("error").get("message").asText().contains("overflows"), answer.toString());
        assertEquals(3 + 2 * Math.sqrt(2), CliRun.hex(result.get("kappa")), 1e-15 * 6);
    }
}
