package ngdref.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The computing subcommands, in-process. Expected values are worked out by hand in the comments
 * (g = (1, 0, 0), y = (1, 1, 0): yᵀg = 1, yᵀy = 2, ψ = π/4, M_opt = [[1,1,0],[1,3,0],[0,0,2]],
 * eigenvalues 2 ± √2 and 2, κ = 3 + 2√2) and rounded from 40-digit BigDecimal constants.
 */
class ComputeCommandsTest {

    private static final MathContext MC = new MathContext(40);
    private static final BigDecimal ROOT2 = BigDecimal.valueOf(2).sqrt(MC);
    private static final double TWO_PLUS_ROOT2 = BigDecimal.valueOf(2).add(ROOT2).doubleValue();
    private static final double TWO_MINUS_ROOT2 = BigDecimal.valueOf(2).subtract(ROOT2).doubleValue();
    private static final double KAPPA = BigDecimal.valueOf(3).add(ROOT2.multiply(BigDecimal.valueOf(2))).doubleValue();
    private static final double HALF_ROOT2 = ROOT2.divide(BigDecimal.valueOf(2), MC).doubleValue();

    /** Within one ulp of a correctly rounded expected value (the library targets ≤ 2 ulp). */
    private static void close(double expected, double actual) {
        assertTrue(ExactFamily.ulps(expected, actual) <= 1,
                () -> "expected " + Double.toHexString(expected) + " got " + Double.toHexString(actual));
    }

    @Test
    void everySubcommandHasHelp() {
        final CommandLine cl = NgdrefCli.commandLine(System.in);
        for (String name : cl.getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue;
            }
            final CliRun run = CliRun.of(name, "--help");
            assertEquals(0, run.exit(), name);
            assertTrue(run.out().startsWith("Usage: ngdref " + name), name + ": " + run.out());
        }
        final CliRun top = CliRun.of("--help");
        assertEquals(0, top.exit());
        assertTrue(top.out().contains("Exit codes:"));
    }

    @Test
    void spectrumJsonHasHandValues() {
        final CliRun run = CliRun.of("spectrum", "--g", "1,0,0", "--y", "1,1,0", "--json");
        assertEquals(0, run.exit(), run.err());
        final JsonNode r = run.json().get("result");
        assertEquals("spectrum", run.json().get("op").asText());
        assertEquals(3, r.get("dimension").asInt());
        close(TWO_PLUS_ROOT2, CliRun.hex(r.get("lambda_max")));
        close(TWO_MINUS_ROOT2, CliRun.hex(r.get("lambda_min")));
        assertEquals(2.0, CliRun.hex(r.get("lambda_d")));
        assertEquals(1, r.get("lambda_d_multiplicity").asInt());
        close(KAPPA, CliRun.hex(r.get("kappa")));
        assertEquals(2.0, CliRun.hex(r.get("alpha")));                 // α = γ·yᵀy/yᵀg = 2
        // The decimal and the hex are the same double.
        assertEquals(CliRun.hex(r.get("lambda_max")), r.get("lambda_max").get("dec").asDouble());
    }

    /**
     * verify, by hand: M = [[2, 1], [1, 2]], g = (1, 0), y = Mg = (2, 1): SPD (eigenvalues 3 and 1),
     * ρ = yᵀg/gᵀg = 2 ≥ λ_min = 1, σ = yᵀy/yᵀg = 5/2 ≤ λ_max = 3, κ = 3 ≥ κ_min = (1+s)/(1−s)
     * with s = 1/√5 (≈ 2.62): valid. The identity for the same (g, y) maps g to g ≠ y: invalid.
     */
    @Test
    void verifyGradesAMetricByHand() {
        final CliRun ok = CliRun.of("verify", "--m", "2,1;1,2", "--g", "1,0", "--y", "2,1", "--json");
        assertEquals(0, ok.exit(), ok.err());
        final JsonNode r = ok.json().get("result");
        assertTrue(r.get("valid").asBoolean(), r.toString());
        assertEquals("", r.get("failures").asText());
        assertEquals(1.0, CliRun.hex(r.get("lambda_min")), 1e-14);   // Commons Math: not certified
        assertEquals(3.0, CliRun.hex(r.get("lambda_max")), 1e-14);
        assertEquals(2.0, CliRun.hex(r.get("sup_lambda_min")));
        assertEquals(2.5, CliRun.hex(r.get("inf_lambda_max")));
        final CliRun bad = CliRun.of("verify", "--m", "1,0;0,1", "--g", "1,0", "--y", "2,1", "--json");
        assertEquals(0, bad.exit(), bad.err());
        final JsonNode b = bad.json().get("result");
        assertTrue(!b.get("valid").asBoolean(), b.toString());
        assertTrue(b.get("failures").asText().startsWith("Mg ≠ y"), b.toString());
    }

    @Test
    void hexInputsAndGammaAndAlpha() {
        // γ = 4: σ = 2, λ_d = 8; λ_max,min = (2/2)(5 ± √(25 − 8)) = 5 ± √17 (cos²ψ = 1/2).
        final CliRun run = CliRun.of("spectrum", "--g", "0x1p0,0,0", "--y", "0x1.0p0, 0x1p0, -0x0p0",
                "--gamma", "0x1p2", "--json");
        assertEquals(0, run.exit(), run.err());
        final JsonNode r = run.json().get("result");
        final BigDecimal root17 = BigDecimal.valueOf(17).sqrt(MC);
        close(BigDecimal.valueOf(5).add(root17).doubleValue(), CliRun.hex(r.get("lambda_max")));
        close(BigDecimal.valueOf(5).subtract(root17).doubleValue(), CliRun.hex(r.get("lambda_min")));
        assertEquals(8.0, CliRun.hex(r.get("lambda_d")));
        // α = 3 given directly: γ = α·yᵀg/yᵀy = 3/2.
        final JsonNode a = CliRun.of("spectrum", "--g", "1,0,0", "--y", "1,1,0", "--alpha", "3", "--json")
                .json().get("result");
        assertEquals(1.5, CliRun.hex(a.get("gamma")));
        assertEquals(3.0, CliRun.hex(a.get("lambda_d")));
        final CliRun both = CliRun.of("spectrum", "--g", "1,0,0", "--y", "1,1,0", "--alpha", "3", "--gamma", "1");
        assertEquals(2, both.exit());
        assertTrue(both.err().contains("not both"), both.err());
    }

    @Test
    void textOutputShowsDecimalAndHex() {
        final CliRun run = CliRun.of("spectrum", "--g", "1,0,0", "--y", "1,1,0");
        assertEquals(0, run.exit());
        assertTrue(run.out().contains("λ_max"), run.out());
        assertTrue(run.out().contains(Double.toHexString(TWO_PLUS_ROOT2)), run.out());
        assertTrue(run.out().contains("3.414213562373095"), run.out());
    }

    @Test
    void geometryAndBoundsByHand() {
        final JsonNode g = CliRun.of("geometry", "--g", "1,0,0", "--y", "1,1,0", "--json").json().get("result");
        close(HALF_ROOT2, CliRun.hex(g.get("cos_psi")));
        close(HALF_ROOT2, CliRun.hex(g.get("sin_psi")));
        close(Math.PI / 4, CliRun.hex(g.get("psi")));
        assertEquals(1.0, CliRun.hex(g.get("y_dot_g")));
        assertEquals(2.0, CliRun.hex(g.get("y_dot_y")));
        final JsonNode b = CliRun.of("bounds", "--g", "1,0,0", "--y", "1,1,0", "--json").json().get("result");
        close(KAPPA, CliRun.hex(b.get("kappa_min")));                  // Prop. 1 = κ(M_opt)
        assertEquals(1.0, CliRun.hex(b.get("lambda_min_sup")));        // yᵀg/gᵀg
        assertEquals(2.0, CliRun.hex(b.get("lambda_max_inf")));        // yᵀy/yᵀg
    }

    @Test
    void metricDenseApplySolve() {
        final CliRun run = CliRun.of("metric", "--g", "1,0,0", "--y", "1,1,0", "--x", "1,2,3", "--b", "1,1,0",
                "--json");
        assertEquals(0, run.exit(), run.err());
        final JsonNode r = run.json().get("result");
        final double[][] m = {{1, 1, 0}, {1, 3, 0}, {0, 0, 2}};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(m[i][j], Double.parseDouble(r.get("matrix").get("hex").get(i).get(j).asText()));
            }
        }
        // M·(1,2,3) = (3, 7, 6); M⁻¹·y = g = (1, 0, 0).
        final double[] mx = {3, 7, 6};
        final double[] solve = {1, 0, 0};
        for (int i = 0; i < 3; i++) {
            assertEquals(mx[i], Double.parseDouble(r.get("mx").get("hex").get(i).asText()), 1e-15);
            assertEquals(solve[i], Double.parseDouble(r.get("solve").get("hex").get(i).asText()), 1e-15);
        }
    }

    @Test
    void vectorsFromFilesAndInputFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("g.txt"), "1\n0\n0\n");
        Files.writeString(dir.resolve("y.json"), "[\"0x1p0\", 1,\n 0]");
        final CliRun files = CliRun.of("spectrum", "--g", "@" + dir.resolve("g.txt"), "--y",
                "@" + dir.resolve("y.json"), "--json");
        assertEquals(0, files.exit(), files.err());
        close(TWO_PLUS_ROOT2, CliRun.hex(files.json().get("result").get("lambda_max")));
        Files.writeString(dir.resolve("req.json"), "{\"id\": \"mine\", \"g\": [1, 0, 0], \"y\": [1, 1, 0], \"gamma\": 4}");
        final CliRun input = CliRun.of("spectrum", "--input", dir.resolve("req.json").toString(), "--gamma", "1",
                "--json");
        assertEquals(0, input.exit(), input.err());
        assertEquals("mine", input.json().get("id").asText());
        assertEquals(1.0, CliRun.hex(input.json().get("result").get("gamma")));   // the option overrides
        final CliRun stdin = CliRun.withInput("{\"g\": [1, 0, 0], \"y\": [1, 1, 0]}", "spectrum", "--input", "-",
                "--json");
        close(KAPPA, CliRun.hex(stdin.json().get("result").get("kappa")));
        final CliRun numpyStyle = CliRun.of("spectrum", "--g", "[1. 0. 0.]", "--y", "[1 1 0]", "--json");
        close(KAPPA, CliRun.hex(numpyStyle.json().get("result").get("kappa")));
        final CliRun missing = CliRun.of("spectrum", "--g", "@" + dir.resolve("nope.txt"), "--y", "1,1,0");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("nope.txt"), missing.err());
    }

    @Test
    void invalidInputExitsTwoWithTheLibraryMessage() {
        final CliRun ineffective = CliRun.of("spectrum", "--g", "1,0", "--y=-1,1");
        assertEquals(2, ineffective.exit());
        assertTrue(ineffective.err().contains("not_effective: not an effective update"), ineffective.err());
        final CliRun nan = CliRun.of("spectrum", "--g", "1,0,NaN", "--y", "1,1,0", "--json");
        assertEquals(2, nan.exit());
        assertEquals("g[2] is NaN; entries must be finite",
                nan.json().get("error").get("message").asText());
        final CliRun unknown = CliRun.of("spectrum", "--bogus");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("Unknown option: '--bogus'"), unknown.err());
        assertEquals(2, CliRun.of().exit());
        // λ_max = yᵀy/yᵀg·… ≈ 2e600 is outside the range of double: that member is refused in the
        // library's words, κ (about 5.83) is still answered, exit 0.
        final CliRun huge = CliRun.of("spectrum", "--g", "1e-300,0", "--y", "1e300,1e300");
        assertEquals(0, huge.exit(), huge.err());
        assertTrue(huge.out().contains("λ_max = 1.90318·2^1994 overflows the range of double"), huge.out());
        assertTrue(huge.out().contains("0x1.7504f333f9de6p2"), huge.out());
    }

    @Test
    void decomposeByHand() {
        // M = [[2,1],[1,2]], g = (1,0): y = Mg = (2,1), yᵀg = 2, M' = M − yyᵀ/2 = [[0,0],[0,1.5]],
        // so u₁ = ±(0, √1.5).
        final CliRun run = CliRun.of("decompose", "--m", "2,1;1,2", "--g", "1,0", "--json");
        assertEquals(0, run.exit(), run.err());
        final JsonNode r = run.json().get("result");
        assertEquals(2.0, Double.parseDouble(r.get("y").get("hex").get(0).asText()));
        assertEquals(1.0, Double.parseDouble(r.get("y").get("hex").get(1).asText()));
        assertEquals(1.5, Double.parseDouble(r.get("m_prime").get("hex").get(1).get(1).asText()), 1e-15);
        assertEquals(0.0, Double.parseDouble(r.get("m_prime").get("hex").get(0).get(0).asText()), 1e-15);
        final double u1 = Double.parseDouble(r.get("basis").get("hex").get(0).get(1).asText());
        assertEquals(BigDecimal.valueOf(1.5).sqrt(MC).doubleValue(), Math.abs(u1), 4e-16);
        final CliRun notSpd = CliRun.of("decompose", "--m", "1,2;2,1", "--g", "1,0");
        assertEquals(2, notSpd.exit());
        assertTrue(notSpd.err().contains("not positive definite"), notSpd.err());
    }

    @Test
    void discreteStepOnAQuadraticByHand() {
        // L = ½(2θ₁² − θ₂²), θ = (1, 0.1): ∇L = (2, −0.1), g = −∇L = (−2, 0.1), η = 0.1:
        // θ' = (0.8, 0.11). Every discrete gradient of a quadratic is ∇L at the midpoint
        // (0.9, 0.105): ȳ = −(1.8, −0.105) = (−1.8, 0.105). L(θ) − L(θ') = 0.995 − 0.63395 = 0.36105.
        for (String rule : new String[] {"midpoint", "itoh_abe", "avf", "taylor"}) {
            final CliRun run = CliRun.of("discrete", "--A", "2,0;0,-1", "--theta", "1,0.1", "--eta", "0.1",
                    "--gradient", rule, "--json");
            assertEquals(0, run.exit(), run.err());
            final JsonNode r = run.json().get("result");
            final double[] next = {0.8, 0.11};
            final double[] yBar = {-1.8, 0.105};
            for (int i = 0; i < 2; i++) {
                assertEquals(next[i], Double.parseDouble(r.get("theta_next").get("hex").get(i).asText()), 1e-15);
                assertEquals(yBar[i], Double.parseDouble(r.get("y_bar").get("hex").get(i).asText()), 1e-14, rule);
            }
            assertEquals(0.36105, CliRun.hex(r.get("decrease")), 1e-14);
            // Eq. (17) with H = ½A: h = 1/2, bound (ȳᵀg/gᵀg)/h = 2·(3.6105/4.01) by hand.
            assertEquals(2 * 3.6105 / 4.01, CliRun.hex(r.get("eta_bound_sup")), 1e-13);
            assertEquals(0.5, CliRun.hex(r.get("negative_curvature")));
            assertTrue(r.get("corrected_spd").asBoolean());
        }
    }

    @Test
    void exampleRuns() {
        final CliRun run = CliRun.of("example");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains(Double.toHexString(TWO_PLUS_ROOT2)), run.out());
        final CliRun json = CliRun.of("example", "--json");
        assertEquals(4, json.lines().length);
    }
}
