package ngdref.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vectors} and {@code check}: the vector file is deterministic, covers every kind of
 * case, and its expected values agree bit for bit with an independent 120-digit evaluation of
 * the paper's formulas ({@link ExactFamily}); {@code check} passes an exact results file, fails
 * a perturbed one naming exactly the perturbed values, and passes the reference library's own
 * answers (obtained through {@code batch}) at the default 4 ulp.
 */
class VectorsCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] Q = {"lambda_max", "lambda_min", "lambda_d", "kappa", "cos_psi", "sin_psi"};

    @TempDir
    static Path dir;
    static Path vectors;
    static JsonNode file;

    @BeforeAll
    static void generate() throws Exception {
        vectors = dir.resolve("vectors.json");
        final CliRun run = CliRun.of("vectors", "--seed", "7", "--count", "21", "--max-dimension", "12",
                "-o", vectors.toString());
        assertEquals(0, run.exit(), run.err());
        file = JSON.readTree(vectors.toFile());
    }

    private static double[] hexes(JsonNode array) {
        final double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.parseDouble(array.get(i).asText());
        }
        return v;
    }

    @Test
    void deterministicFromTheSeed() throws Exception {
        final Path again = dir.resolve("again.json");
        assertEquals(0, CliRun.of("vectors", "--seed", "7", "--count", "21", "--max-dimension", "12", "-o",
                again.toString()).exit());
        assertArrayEquals(Files.readAllBytes(vectors), Files.readAllBytes(again));
        final CliRun other = CliRun.of("vectors", "--seed", "8", "--count", "3", "--max-dimension", "12");
        assertEquals(0, other.exit());
        assertFalse(other.json().get("cases").get(0).get("g").equals(file.get("cases").get(0).get("g")));
    }

    @Test
    void schemaAndCoverage() {
        assertEquals("ngdref-test-vectors", file.get("schema").asText());
        assertEquals(1, file.get("version").asInt());
        assertEquals(7, file.get("seed").asLong());
        assertEquals(21, file.get("count").asInt());
        assertEquals(21, file.get("cases").size());
        final Set<String> kinds = new HashSet<>();
        final Set<String> ids = new HashSet<>();
        for (JsonNode c : file.get("cases")) {
            kinds.add(c.get("kind").asText());
            assertTrue(ids.add(c.get("id").asText()));
            final double[] g = hexes(c.get("g"));
            final double[] y = hexes(c.get("y"));
            assertEquals(g.length, c.get("dimension").asInt());
            assertEquals(g.length, y.length);
            assertTrue(g.length >= 2 && g.length <= 12);
            final ExactFamily exact = new ExactFamily(g, y, Double.parseDouble(c.get("gamma").asText()));
            switch (c.get("kind").asText()) {
                case "psi_near_half_pi":
                    assertTrue(exact.cos.compareTo(new BigDecimal("1e-8")) <= 0, c.toString());
                    break;
                case "psi_near_zero":
                    assertTrue(exact.sin.compareTo(BigDecimal.ONE) < 0);
                    break;
                default:
                    break;
            }
        }
        assertEquals(Set.of("random", "psi_near_zero", "psi_near_half_pi", "norm_ratio", "mixed_magnitudes",
                "gamma_extreme", "dimension_extreme"), kinds);
        // The ends of the ranges appear: γ = 1e−12 and 1e12, ‖y‖/‖g‖ near 1e±150, D = 2 and D = max.
        final JsonNode cases = file.get("cases");
        assertEquals(1e-12, Double.parseDouble(cases.get(5).get("gamma").asText()));
        assertEquals(1e12, Double.parseDouble(cases.get(12).get("gamma").asText()));
        assertEquals(2, cases.get(6).get("dimension").asInt());
        assertEquals(12, cases.get(13).get("dimension").asInt());
        final double ratio0 = norm(hexes(cases.get(3).get("y"))) / norm(hexes(cases.get(3).get("g")));
        final double ratio1 = norm(hexes(cases.get(10).get("y"))) / norm(hexes(cases.get(10).get("g")));
        assertTrue(ratio0 > 1e125 && ratio0 < 1e175, "ratio " + ratio0);
        assertTrue(ratio1 > 1e-175 && ratio1 < 1e-125, "ratio " + ratio1);
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    @Test
    void expectedValuesAgreeWithAnIndependentEvaluation() {
        for (JsonNode c : file.get("cases")) {
            final ExactFamily exact = new ExactFamily(hexes(c.get("g")), hexes(c.get("y")),
                    Double.parseDouble(c.get("gamma").asText()));
            for (String q : Q) {
                final JsonNode e = c.get("expected").get(q);
                final double hex = Double.parseDouble(e.get("hex").asText());
                final String where = c.get("id").asText() + "." + q;
                assertEquals(Double.doubleToRawLongBits(ExactFamily.round(exact.get(q))),
                        Double.doubleToRawLongBits(hex), where + ": " + exact.get(q).round(new MathContext(25)));
                assertEquals(hex, e.get("double").asDouble(), where);
                final BigDecimal decimal = new BigDecimal(e.get("exact").asText());
                final BigDecimal err = new BigDecimal(e.get("err").asText());
                final BigDecimal slack = exact.get(q).abs().multiply(new BigDecimal("1e-100"));
                assertTrue(decimal.subtract(exact.get(q)).abs().compareTo(err.add(slack)) <= 0,
                        where + ": " + decimal + " ± " + err + " vs " + exact.get(q));
                // ≥ 30 correct digits: the bound is below 1e−30 relative (exact zero: point).
                assertTrue(err.compareTo(decimal.abs().multiply(new BigDecimal("1e-30"))) <= 0, where + " " + e);
            }
        }
    }

    /** A results file with the expected values, in the four accepted encodings by turn. */
    private static ObjectNode exactResults() {
        final ObjectNode root = JSON.createObjectNode();
        root.put("schema", "ngdref-test-results");
        root.put("version", 1);
        root.put("implementation", "the oracle itself");
        final ArrayNode cases = root.putArray("cases");
        int k = 0;
        for (JsonNode c : file.get("cases")) {
            final ObjectNode r = cases.addObject();
            r.put("id", c.get("id").asText());
            final ObjectNode values = r.putObject("results");
            for (String q : Q) {
                final JsonNode e = c.get("expected").get(q);
                final double x = Double.parseDouble(e.get("hex").asText());
                switch (k++ % 4) {
                    case 0:
                        values.put(q, e.get("hex").asText());
                        break;
                    case 1:
                        values.put(q, x);                       // JSON number
                        break;
                    case 2:
                        values.put(q, Double.toString(x));      // decimal string
                        break;
                    default:
                        values.putObject(q).put("hex", e.get("hex").asText());
                        break;
                }
            }
        }
        return root;
    }

    private static CliRun check(ObjectNode results, String name, String... options) throws Exception {
        final Path p = dir.resolve(name);
        JSON.writeValue(p.toFile(), results);
        final String[] args = new String[3 + options.length];
        args[0] = "check";
        args[1] = vectors.toString();
        args[2] = p.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        return CliRun.of(args);
    }

    @Test
    void checkPassesAnExactResultsFile() throws Exception {
        final CliRun run = check(exactResults(), "exact.json");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().trim().endsWith("PASS"), run.out());
        final CliRun json = check(exactResults(), "exact2.json", "--json");
        assertTrue(json.json().get("passed").asBoolean());
        for (String q : Q) {
            assertEquals(21, json.json().get("quantities").get(q).get("checked").asInt());
            assertEquals(0, json.json().get("quantities").get(q).get("max_ulps").asInt());
        }
    }

    @Test
    void checkFailsAPerturbedResultsFileNamingEachFault() throws Exception {
        final ObjectNode results = exactResults();
        final ArrayNode cases = (ArrayNode) results.get("cases");
        final ObjectNode c0 = (ObjectNode) cases.get(0).get("results");
        double x = Double.parseDouble(file.get("cases").get(0).get("expected").get("lambda_min").get("hex").asText());
        for (int i = 0; i < 5; i++) {
            x = Math.nextUp(x);
        }
        c0.put("lambda_min", Double.toHexString(x));                          // 5 ulp: fails
        final ObjectNode c1 = (ObjectNode) cases.get(1).get("results");
        c1.put("kappa", Double.toHexString(Math.nextDown(
                Double.parseDouble(file.get("cases").get(1).get("expected").get("kappa").get("hex").asText()))));
        ((ObjectNode) cases.get(2).get("results")).remove("sin_psi");          // missing: fails
        cases.remove(3);                                                       // whole case missing
        final CliRun run = check(results, "perturbed.json", "--json");
        assertEquals(1, run.exit(), run.out() + run.err());
        final JsonNode report = run.json();
        assertFalse(report.get("passed").asBoolean());
        assertEquals(5, report.get("quantities").get("lambda_min").get("max_ulps").asInt());
        assertEquals(1, report.get("quantities").get("kappa").get("max_ulps").asInt());
        // κ fails only where the whole case is missing: the 1-ulp value is within the tolerance.
        assertEquals(1, report.get("quantities").get("kappa").get("failures").asInt());
        final JsonNode failures = report.get("failures");
        assertEquals(1 + 1 + 6, failures.size(), failures.toString());
        final String id0 = file.get("cases").get(0).get("id").asText();
        assertEquals(id0, failures.get(0).get("id").asText());
        assertEquals("lambda_min", failures.get(0).get("quantity").asText());
        assertEquals(5, failures.get(0).get("ulps").asInt());
        assertEquals("sin_psi", failures.get(1).get("quantity").asText());
        assertEquals("missing", failures.get(1).get("reason").asText());
        assertEquals("case missing from the results", failures.get(2).get("reason").asText());
        // With a tolerance of 5 ulp the perturbed value passes; the missing ones still fail.
        final CliRun loose = check(results, "perturbed2.json", "--ulps", "5");
        assertEquals(1, loose.exit());
        assertFalse(loose.out().contains("FAIL " + id0), loose.out());
        assertTrue(loose.out().contains("missing"), loose.out());
    }

    @Test
    void theReferenceLibraryPassesThroughBatch() throws Exception {
        // The workflow of docs/cli.md with the reference library as "another implementation".
        final StringBuilder requests = new StringBuilder();
        for (JsonNode c : file.get("cases")) {
            final ObjectNode spectrum = JSON.createObjectNode();
            spectrum.put("id", c.get("id").asText());
            spectrum.put("op", "spectrum");
            spectrum.set("g", c.get("g"));
            spectrum.set("y", c.get("y"));
            spectrum.set("gamma", c.get("gamma"));
            requests.append(spectrum).append('\n');
            final ObjectNode geometry = spectrum.deepCopy();
            geometry.put("op", "geometry");
            geometry.remove("gamma");
            requests.append(geometry).append('\n');
        }
        final JsonNode[] answers = CliRun.withInput(requests.toString(), "batch").lines();
        final ObjectNode results = JSON.createObjectNode();
        results.put("schema", "ngdref-test-results");
        results.put("version", 1);
        final ArrayNode cases = results.putArray("cases");
        for (int i = 0; i < answers.length; i += 2) {
            final ObjectNode r = cases.addObject();
            r.put("id", answers[i].get("id").asText());
            final ObjectNode v = r.putObject("results");
            for (String q : new String[] {"lambda_max", "lambda_min", "lambda_d", "kappa"}) {
                v.set(q, answers[i].get("result").get(q));
            }
            for (String q : new String[] {"cos_psi", "sin_psi"}) {
                v.set(q, answers[i + 1].get("result").get(q));
            }
        }
        final CliRun run = check(results, "library.json");
        assertEquals(0, run.exit(), run.out());
    }

    @Test
    void wrongFilesAreUsageErrors() throws Exception {
        final ObjectNode wrong = JSON.createObjectNode();
        wrong.put("schema", "something-else");
        wrong.put("version", 1);
        wrong.putArray("cases");
        final CliRun run = check(wrong, "wrong.json");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("\"schema\""), run.err());
        final CliRun missing = CliRun.of("check", vectors.toString(), dir.resolve("absent.json").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("not found"), missing.err());
    }
}
