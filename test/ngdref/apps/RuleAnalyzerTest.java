package ngdref.apps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ngdref.metric.MetricSpectrum;
import ngdref.metric.OneParameterMetric;
import ngdref.metric.UpdateGeometry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The analyzer's columns against hand computations and the reference library. */
class RuleAnalyzerTest {

    @TempDir
    Path dir;

    /** The built-in quadratic's A = R(π/6) diag(1, 25) R(π/6)ᵀ, by hand: [[7, −6√3], [−6√3, 19]]. */
    private static final double[][] A = {{7, -6 * Math.sqrt(3)}, {-6 * Math.sqrt(3), 19}};

    private static double[] aTimes(double[] x) {
        return new double[] {A[0][0] * x[0] + A[0][1] * x[1], A[1][0] * x[0] + A[1][1] * x[1]};
    }

    private static double kappaOf(double[] g, double[] y) {
        final double gy = g[0] * y[0] + g[1] * y[1];
        final double cos = gy / Math.hypot(g[0], g[1]) / Math.hypot(y[0], y[1]);
        final double sin = Math.sqrt(1 - cos * cos);
        return (1 + sin) / (1 - sin);
    }

    @Test
    void gradientDescentIsEuclidean() {
        final RuleAnalyzer.Analysis a = RuleAnalyzer.run(BuiltinLosses.named("quadratic"), Rules.named("gd", 0.03), 20, 1);
        for (RuleAnalyzer.Row r : a.rows()) {
            assertTrue(r.effective());
            assertEquals(0.0, r.psi(), 1e-7);
            assertEquals(1.0, r.kappa(), 1e-12);
            assertEquals(1.0, r.lambdaMax(), 1e-7);
            assertEquals(1.0, r.lambdaMin(), 1e-7);
            assertEquals(1.0, r.normRatio(), 1e-15);
            assertEquals(Boolean.TRUE, a.windowEffective(r.t()) == null ? Boolean.TRUE : a.windowEffective(r.t()));
        }
    }

    @Test
    void signGdFirstStepByHand() {
        final double eta = 0.02;
        final RuleAnalyzer.Analysis a = RuleAnalyzer.run(BuiltinLosses.named("quadratic"), Rules.named("sign-gd", eta), 1, 1);
        final RuleAnalyzer.Row r = a.rows().get(0);
        final double[] theta = {1, 1};
        final double[] grad = aTimes(theta);
        final double[] y = {-grad[0], -grad[1]};
        final double[] g = {-Math.signum(grad[0]), -Math.signum(grad[1])};
        assertEquals(y[0] * g[0] + y[1] * g[1], r.yDotG(), 1e-13);
        assertEquals(kappaOf(g, y), r.kappa(), 1e-10 * r.kappa());
        assertEquals(0.5 * (theta[0] * grad[0] + theta[1] * grad[1]), r.loss(), 1e-13);
        // Discrete: for a quadratic every discrete gradient is A(θ_t + θ_{t+1})/2 = A(θ + ηg/2).
        final double[] yBar = aTimes(new double[] {theta[0] + eta * g[0] / 2, theta[1] + eta * g[1] / 2});
        yBar[0] = -yBar[0];
        yBar[1] = -yBar[1];
        assertTrue(r.discreteEffective());
        assertEquals(kappaOf(g, yBar), r.kappaBar(), 1e-8 * r.kappaBar());
        // The reference library on (g, y) (y from the hand-computed A, equal to the loss's to rounding).
        final MetricSpectrum s = OneParameterMetric.optimal(g, y).spectrum();
        assertEquals(s.lambdaMax(), r.lambdaMax(), 1e-13 * s.lambdaMax());
        assertEquals(s.lambdaMin(), r.lambdaMin(), 1e-13 * s.lambdaMin());
        assertEquals(s.lambdaD(), r.lambdaD(), 1e-13 * s.lambdaD());
        assertEquals(UpdateGeometry.of(g, y).psi(), r.psi(), 1e-13);
        assertTrue(Double.isInfinite(r.etaBound()), "a convex quadratic has no η bound");
        assertEquals(Boolean.TRUE, r.correctedIsNaturalGradient());
    }

    @Test
    void learningRateBoundOnAnIndefiniteQuadraticByHand() {
        final BuiltinLosses.Problem p = new BuiltinLosses.Problem("indefinite",
                BuiltinLosses.quadratic(new double[] {1.0, -0.5}, 0.0), new double[] {1.0, 0.2});
        final double eta = 0.1;
        final RuleAnalyzer.Row r = RuleAnalyzer.run(p, Rules.named("gd", eta), 1, 1).rows().get(0);
        // g = −Aθ = (−1, 0.1); ȳ = −A(θ + ηg/2) = (−0.95, 0.1025); H = ½A, h = 0.25;
        // bound = (ȳᵀg/gᵀg)/h (Eq. 17).
        final double yBarDotG = 0.95 + 0.1025 * 0.1;
        final double bound = yBarDotG / 1.01 / 0.25;
        assertEquals(bound, r.etaBound(), 1e-12 * bound);
        assertEquals(1.0, r.correctedGamma(), 0.0);
        assertEquals(Boolean.TRUE, r.correctedIsNaturalGradient());
    }

    @Test
    void heavyBallFirstStepOnTheExtendedState() {
        final double eta = 0.15;
        final RuleAnalyzer.Row r = RuleAnalyzer.run(BuiltinLosses.named("quadratic"), Rules.named("heavy-ball", eta), 1, 1)
                .rows().get(0);
        // z = [θ, 0]: g = [−η∇L, −∇L], y = −∇E = [−∇L, 0], so yᵀg = η‖∇L‖².
        final double[] grad = aTimes(new double[] {1, 1});
        assertEquals(eta * (grad[0] * grad[0] + grad[1] * grad[1]), r.yDotG(), 1e-12);
        assertEquals(0.5 * (grad[0] + grad[1]), r.loss(), 1e-13);   // E = L(θ) + 0 = ½θᵀAθ at θ = (1, 1)
    }

    private static Trajectory handMade() {
        final double[] loss = {5, 6, 4, 5, 3, 4, 2};
        final List<double[]> th = new ArrayList<>();
        final List<double[]> gr = new ArrayList<>();
        for (int t = 0; t < loss.length; t++) {
            th.add(new double[] {t, 0.5 * t});
            gr.add(new double[] {-1.0, 0.5 - 0.1 * t});
        }
        return new Trajectory(th, loss, gr);
    }

    @Test
    void windowedEffectivenessOfARecordedTrajectory() {
        final RuleAnalyzer.Analysis two = RuleAnalyzer.trajectory(handMade(), 1.0, 2, "hand");
        for (int t = 0; t <= 4; t++) {
            assertEquals(Boolean.TRUE, two.windowEffective(t), "t = " + t);
        }
        assertNull(two.windowEffective(5));
        final RuleAnalyzer.Analysis one = RuleAnalyzer.trajectory(handMade(), 1.0, 1, "hand");
        assertFalse(one.windowEffective(0));
        assertTrue(one.windowEffective(1));
        assertFalse(one.rows().get(0).discreteEffective(), "L rises from 5 to 6");
    }

    @Test
    void endpointDiscreteGradientOnAQuadraticIsTheMidpointGradient() {
        final BuiltinLosses.Problem p = BuiltinLosses.named("quadratic");
        final Trajectory tr = RuleAnalyzer.record(p, Rules.named("adam", 0.05), 5);
        for (int t = 0; t < 5; t++) {
            final double[] a = tr.theta(t);
            final double[] b = tr.theta(t + 1);
            final double[] expected = aTimes(new double[] {(a[0] + b[0]) / 2, (a[1] + b[1]) / 2});
            assertArrayEquals(expected, tr.endpointDiscreteGradient(t), 1e-12);
            // Eq. (12): pᵀ∇̄ = ΔL.
            final double[] dg = tr.endpointDiscreteGradient(t);
            assertEquals(tr.loss(t + 1) - tr.loss(t), (b[0] - a[0]) * dg[0] + (b[1] - a[1]) * dg[1], 1e-13);
        }
    }

    @Test
    void recordedTrajectoryReproducesTheBuiltInAnalysis() throws IOException {
        final BuiltinLosses.Problem p = BuiltinLosses.named("rosenbrock");
        final double eta = 1e-3;
        final RuleAnalyzer.Analysis live = RuleAnalyzer.run(p, Rules.named("gd", eta), 30, 3);
        final Trajectory tr = RuleAnalyzer.record(p, Rules.named("gd", eta), 30);
        tr.writeCsv(dir.resolve("t.csv"));
        tr.writeJsonLines(dir.resolve("t.jsonl"));
        for (String f : new String[] {"t.csv", "t.jsonl"}) {
            final RuleAnalyzer.Analysis rec = RuleAnalyzer.trajectory(Trajectory.read(dir.resolve(f)), eta, 3, f);
            assertEquals(30, rec.rows().size());
            for (int t = 0; t < 30; t++) {
                final RuleAnalyzer.Row a = live.rows().get(t);
                final RuleAnalyzer.Row b = rec.rows().get(t);
                assertEquals(a.loss(), b.loss(), 0.0);
                assertEquals(a.lossNext(), b.lossNext(), 0.0);
                assertEquals(a.yDotG(), b.yDotG(), 1e-9 * Math.abs(a.yDotG()));
                assertEquals(a.kappa(), b.kappa(), 1e-6);
                assertEquals(live.windowEffective(t), rec.windowEffective(t));
            }
        }
    }

    @Test
    void commandLineWritesCsvFiles() throws IOException {
        final int code = new CommandLine(new RuleAnalyzer()).execute("--loss", "double-well", "--rule", "gd,adam",
                "--steps", "15", "--out", dir.toString(), "--no-plots");
        assertEquals(0, code);
        try (var files = Files.list(dir)) {
            assertEquals(2, files.filter(f -> f.toString().endsWith(".csv")).count());
        }
        final Path traj = dir.resolve("in.csv");
        RuleAnalyzer.record(BuiltinLosses.named("logistic"), Rules.named("rmsprop", 0.02), 10).writeCsv(traj);
        assertEquals(0, new CommandLine(new RuleAnalyzer()).execute("--trajectory", traj.toString(), "--eta", "0.02",
                "--out", dir.resolve("tr").toString()));
        assertTrue(Files.exists(dir.resolve("tr").resolve("in.csv.csv")));
        assertTrue(Files.exists(dir.resolve("tr").resolve("in.csv_kappa.png")));
    }
}
