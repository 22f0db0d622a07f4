package ngdref.apps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import ngdref.dense.CanonicalForm;
import ngdref.dense.MetricCheck;
import ngdref.discrete.TwiceDifferentiableLoss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * The analyzer's columns for the rule's own metric P, the energy of heavy ball, resolution-limited
 * steps and the ineffective-step markers, against hand computations.
 */
class RuleMetricColumnsTest {

    @TempDir
    Path dir;

    /** The built-in quadratic's A = R(π/6) diag(1, 25) R(π/6)ᵀ, by hand: [[7, −6√3], [−6√3, 19]]. */
    private static final double[][] A = {{7, -6 * Math.sqrt(3)}, {-6 * Math.sqrt(3), 19}};

    private static double[] aTimes(double[] x) {
        return new double[] {A[0][0] * x[0] + A[0][1] * x[1], A[1][0] * x[0] + A[1][1] * x[1]};
    }

    /** κ(M_opt) = (1 + |sin ψ|)/(1 − |sin ψ|) from cos ψ = yᵀg/(‖y‖‖g‖) (Prop. 1), by hand. */
    private static double kappaMin(double[] g, double[] y) {
        final double cos = (g[0] * y[0] + g[1] * y[1]) / Math.hypot(g[0], g[1]) / Math.hypot(y[0], y[1]);
        final double sin = Math.sqrt(1 - cos * cos);
        return (1 + sin) / (1 - sin);
    }

    @Test
    void adamsPreconditionerByHandOnTheQuadratic() {
        final double eta = 0.05;
        final double b1 = 0.9;
        final double b2 = 0.999;
        final double eps = 1e-8;
        final List<RuleAnalyzer.Row> rows = RuleAnalyzer.run(BuiltinLosses.named("quadratic"),
                Rules.named("adam", eta), 4, 1).rows();
        double[] theta = {1, 1};
        final double[] m = new double[2];
        final double[] s = new double[2];
        for (int t = 0; t < 4; t++) {
            final double[] grad = aTimes(theta);
            final double[] y = {-grad[0], -grad[1]};
            final double[] p = new double[2];
            final double[] mHat = new double[2];
            final double[] g = new double[2];
            for (int i = 0; i < 2; i++) {
                m[i] = b1 * m[i] + (1 - b1) * grad[i];
                s[i] = b2 * s[i] + (1 - b2) * grad[i] * grad[i];
                mHat[i] = m[i] / (1 - Math.pow(b1, t + 1));
                p[i] = Math.sqrt(s[i] / (1 - Math.pow(b2, t + 1))) + eps;
                g[i] = -mHat[i] / p[i];
            }
            final PreconditionerAnalysis pa = rows.get(t).preconditioner();
            assertNotNull(pa);
            assertEquals("-m_hat", pa.target());
            assertEquals(Math.max(p[0], p[1]) / Math.min(p[0], p[1]), pa.kappaP(), 1e-13 * pa.kappaP(), "t = " + t);
            assertEquals(Boolean.TRUE, pa.spd());
            assertEquals(kappaMin(g, y), pa.kappaMin(), 1e-9 * pa.kappaMin(), "t = " + t);
            assertEquals(kappaMin(g, new double[] {-mHat[0], -mHat[1]}), pa.kappaMinTarget(),
                    1e-9 * pa.kappaMinTarget(), "t = " + t);
            // ‖Pg − y‖∞/(‖P‖∞‖g‖∞): Pg = −m̂, so the residual is ‖∇L − m̂‖∞/(max p·‖g‖∞).
            final double residual = Math.max(Math.abs(grad[0] - mHat[0]), Math.abs(grad[1] - mHat[1]))
                    / (Math.max(p[0], p[1]) * Math.max(Math.abs(g[0]), Math.abs(g[1])));
            if (t == 0) {
                // m̂₁ = ∇L(θ₀) up to the rounding of (1 − β₁)/(1 − β₁): P is a valid metric for (g, y).
                assertTrue(pa.residual() < 1e-15, "t = 0: " + pa.residual());
                assertEquals(Boolean.TRUE, pa.valid());
            } else {
                assertEquals(residual, pa.residual(), 1e-10 * residual, "t = " + t);
                assertTrue(residual > MetricCheck.DEFAULT_TOLERANCE);
                assertEquals(Boolean.FALSE, pa.valid(), "m̂ ≠ ∇L: P is not a metric for (g, −∇L)");
            }
            // P is always a valid metric for (g, −m̂): its canonical decomposition exists (Eq. 6).
            assertTrue(pa.canonicalError() <= CanonicalForm.RECONSTRUCTION_BOUND * 2 * Math.max(p[0], p[1])
                    + 3 * pa.canonicalMPrimeG() / Math.hypot(g[0], g[1]) + 8 * Double.MIN_VALUE);
            assertTrue(pa.canonicalMPrimeG() <= MetricCheck.DEFAULT_TOLERANCE * Math.max(p[0], p[1])
                    * Math.max(Math.abs(g[0]), Math.abs(g[1])));
            theta = new double[] {theta[0] + eta * g[0], theta[1] + eta * g[1]};
        }
    }

    @Test
    void adaGradAccumulatesSquaredGradientsByHand() {
        final double eta = 0.3;
        final List<RuleAnalyzer.Row> rows = RuleAnalyzer.run(BuiltinLosses.named("quadratic"),
                Rules.named("adagrad", eta), 3, 1).rows();
        double[] theta = {1, 1};
        final double[] s = new double[2];
        for (int t = 0; t < 3; t++) {
            final double[] grad = aTimes(theta);
            final double[] p = new double[2];
            final double[] g = new double[2];
            for (int i = 0; i < 2; i++) {
                s[i] += grad[i] * grad[i];
                p[i] = Math.sqrt(s[i]) + 1e-8;
                g[i] = -grad[i] / p[i];
            }
            final PreconditionerAnalysis pa = rows.get(t).preconditioner();
            assertEquals("-grad", pa.target());
            assertEquals(Math.max(p[0], p[1]) / Math.min(p[0], p[1]), pa.kappaP(), 1e-12 * pa.kappaP());
            assertEquals(Boolean.TRUE, pa.valid(), "P = diag(√s) + ε maps g to −∇L");
            assertEquals(kappaMin(g, new double[] {-grad[0], -grad[1]}), pa.kappaMin(), 1e-9 * pa.kappaMin());
            theta = new double[] {theta[0] + eta * g[0], theta[1] + eta * g[1]};
        }
    }

    @Test
    void newtonOnTheQuadraticHasPEqualToA() {
        final List<RuleAnalyzer.Row> rows = RuleAnalyzer.run(BuiltinLosses.named("quadratic"),
                Rules.named("newton", 0.5), 20, 1).rows();
        for (RuleAnalyzer.Row r : rows) {
            final PreconditionerAnalysis pa = r.preconditioner();
            assertEquals(25.0, pa.kappaP(), 1e-12, "κ(A) = 25/1");
            assertEquals(Boolean.TRUE, pa.valid());
            // g = −A⁻¹∇L = −θ: the step halves θ, y = −Aθ, so κ_min is that of (θ, Aθ).
            assertTrue(pa.kappaP() >= pa.kappaMin());
            assertTrue(pa.canonicalError() < 1e-12, "t = " + r.t() + ": " + pa.canonicalError());
        }
        final double[] theta = {1, 1};
        assertEquals(kappaMin(theta, aTimes(theta)), rows.get(0).preconditioner().kappaMin(), 1e-9);
    }

    @Test
    void newtonMarksAnIndefiniteHessian() {
        // Double well at θ = (0.05, 1): H = diag(3·0.05² − 1, 1) = diag(−0.9925, 1), indefinite.
        final RuleAnalyzer.Row r = RuleAnalyzer.run(BuiltinLosses.named("double-well"), Rules.named("newton", 0.5), 1, 1)
                .rows().get(0);
        final PreconditionerAnalysis pa = r.preconditioner();
        assertEquals(Boolean.FALSE, pa.spd());
        assertTrue(Double.isNaN(pa.kappaP()));
        assertEquals(Boolean.FALSE, pa.valid());
        assertTrue(Double.isNaN(pa.canonicalError()));
        // g = −H⁻¹∇L by hand: ∇L = (θ₀(θ₀² − 1), θ₁) = (−0.049875, 1), g = (0.049875/(−0.9925), −1).
        final double[] g = {0.049875 / -0.9925, -1};
        final double[] y = {0.049875, -1};
        assertEquals(y[0] * g[0] + y[1] * g[1], r.yDotG(), 1e-15);
        assertTrue(r.effective(), "effective although P is not a metric: another metric exists");
    }

    @Test
    void kappaOfPIsAtLeastKappaMinOnEveryValidStep() {
        // Prop. 1 against the closed form from the row's ψ (not the library's κ_min).
        for (String loss : BuiltinLosses.names()) {
            for (String rule : new String[] {"adam", "rmsprop", "adagrad", "newton"}) {
                final List<RuleAnalyzer.Row> rows = RuleAnalyzer.run(BuiltinLosses.named(loss),
                        Rules.named(rule, Rules.defaultLearningRate(rule, loss)), 300, 10).rows();
                int valid = 0;
                for (RuleAnalyzer.Row r : rows) {
                    final PreconditionerAnalysis pa = r.preconditioner();
                    if (Boolean.TRUE.equals(pa.valid())) {
                        valid++;
                        final double sin = Math.abs(Math.sin(r.psi()));
                        final double closedForm = (1 + sin) / (1 - sin);
                        assertTrue(pa.kappaP() >= closedForm * (1 - 1e-9), loss + "/" + rule + " t = " + r.t()
                                + ": κ(P) = " + pa.kappaP() + " < κ_min = " + closedForm);
                    }
                    if (!Double.isNaN(pa.kappaP()) && !Double.isNaN(pa.kappaMinTarget())) {
                        // P is SPD and maps g to its target: Prop. 1 for that pair, on every step.
                        assertTrue(pa.kappaP() >= pa.kappaMinTarget() * (1 - 1e-12), loss + "/" + rule);
                    }
                }
                if (!"adam".equals(rule) && !("newton".equals(rule) && "double-well".equals(loss))) {
                    assertTrue(valid > 0, loss + "/" + rule + ": no valid step, the check is vacuous");
                }
            }
        }
    }

    /** L(θ) = c + ½‖θ‖² with c = 1: the change of L falls below ulp(1) as θ → 0. */
    private static final TwiceDifferentiableLoss SHIFTED = new TwiceDifferentiableLoss() {
        @Override
        public double value(double[] x) {
            return 1.0 + 0.5 * (x[0] * x[0] + x[1] * x[1]);
        }

        @Override
        public double[] gradient(double[] x) {
            return x.clone();
        }

        @Override
        public double[][] hessian(double[] x) {
            return new double[][] {{1, 0}, {0, 1}};
        }
    };

    @Test
    void aLossChangeBelowResolutionIsMarkedAndNotAFailure() {
        final RuleAnalyzer.Analysis a = RuleAnalyzer.run(new BuiltinLosses.Problem("shifted", SHIFTED,
                new double[] {1, 1}), Rules.named("gd", 0.1), 250, 1);
        // GD: θ_t = 0.9ᵗθ₀, L − 1 = 0.81ᵗ; the exact change 0.19·0.81ᵗ drops below ulp(1) = 2^-52 at
        // t ≈ log(2^-52/0.19)/log(0.81) ≈ 163.
        int marked = 0;
        for (RuleAnalyzer.Row r : a.rows()) {
            final boolean byHand = Math.abs(r.lossNext() - r.loss()) <= Math.ulp(1.0);
            assertEquals(byHand, r.resolutionLimited(), "t = " + r.t());
            marked += byHand ? 1 : 0;
            if (!byHand) {
                assertTrue(r.discreteEffective(), "a resolved GD step decreases L");
            }
        }
        assertTrue(marked >= 70 && marked <= 95, "marked " + marked);
        assertTrue(a.rows().stream().anyMatch(r -> r.resolutionLimited() && !r.discreteEffective()),
                "some unresolved steps leave L unchanged in floating point");
        assertEquals(marked, a.resolutionLimitedSteps());
        assertEquals(1.0, a.fractionDecreasing(), 0.0, "the unresolved steps are not counted as failures");
        assertEquals(1.0, a.fractionEffective(), 0.0);
    }

    @Test
    void isResolutionLimitedByDefinition() {
        final double u1 = Math.ulp(1.0);
        assertTrue(RuleAnalyzer.isResolutionLimited(1.0, 1.0, Double.NaN));
        assertTrue(RuleAnalyzer.isResolutionLimited(1.0, 1.0 - u1 / 2, Double.NaN));
        assertTrue(RuleAnalyzer.isResolutionLimited(1.0 + u1, 1.0, Double.NaN));
        assertFalse(RuleAnalyzer.isResolutionLimited(1.0 + 2 * u1, 1.0, Double.NaN));
        assertFalse(RuleAnalyzer.isResolutionLimited(2.0, 1.0, RuleAnalyzer.NGD_TOLERANCE / 2));
        assertTrue(RuleAnalyzer.isResolutionLimited(2.0, 1.0, RuleAnalyzer.NGD_TOLERANCE));
    }

    @Test
    void everyFailedNaturalGradientCheckOfGdOnTheDoubleWellIsBelowResolution() {
        final BuiltinLosses.Problem p = BuiltinLosses.named("double-well");
        final double eta = 0.1;
        final RuleAnalyzer.Analysis a = RuleAnalyzer.run(p, Rules.named("gd", eta), 300, 10);
        final Trajectory tr = RuleAnalyzer.record(p, Rules.named("gd", eta), 300);
        int failed = 0;
        for (RuleAnalyzer.Row r : a.rows()) {
            // ρ = ‖(θ_{t+1} − θ_t) − ηg‖∞/‖ηg‖∞ by hand, g = −∇L = (−θ₀(θ₀² − 1), −θ₁).
            final double[] th = tr.theta(r.t());
            final double[] next = tr.theta(r.t() + 1);
            final double[] step = {eta * -(th[0] * (th[0] * th[0] - 1)), eta * -th[1]};
            final double rho = Math.max(Math.abs(next[0] - th[0] - step[0]), Math.abs(next[1] - th[1] - step[1]))
                    / Math.max(Math.abs(step[0]), Math.abs(step[1]));
            assertEquals(rho, r.stepRounding(), 0.0, "t = " + r.t());
            if (Boolean.FALSE.equals(r.correctedIsNaturalGradient())) {
                failed++;
                assertTrue(r.resolutionLimited(), "t = " + r.t());
                assertTrue(r.stepRounding() > 1e-7, "t = " + r.t() + ": the failure comes with a rounded step");
            }
        }
        assertTrue(failed > 0, "the run has failed checks to explain");
    }

    @Test
    void heavyBallReportsItsEnergyInAColumnNamedEnergy() throws IOException {
        final double eta = 0.15;
        final RuleAnalyzer.Analysis a = RuleAnalyzer.run(BuiltinLosses.named("quadratic"),
                Rules.named("heavy-ball", eta), 2, 1);
        final double[] theta0 = {1, 1};
        final double[] grad0 = aTimes(theta0);
        // v₁ = η(−c·0 − ∇L(θ₀)) = −η∇L(θ₀), θ₁ = θ₀ + ηv₁; E₁ = ½θ₁ᵀAθ₁ + ½‖v₁‖².
        final double[] v1 = {-eta * grad0[0], -eta * grad0[1]};
        final double[] theta1 = {theta0[0] + eta * v1[0], theta0[1] + eta * v1[1]};
        final double[] at1 = aTimes(theta1);
        final double l1 = 0.5 * (theta1[0] * at1[0] + theta1[1] * at1[1]);
        final double e1 = l1 + 0.5 * (v1[0] * v1[0] + v1[1] * v1[1]);
        assertEquals(0.5 * (grad0[0] + grad0[1]), a.rows().get(0).energy(), 1e-13, "E₀ = L(θ₀), v₀ = 0");
        assertEquals(l1, a.rows().get(1).loss(), 1e-13, "the loss column holds L(θ), not E");
        assertEquals(e1, a.rows().get(1).energy(), 1e-13);
        final Path csv = dir.resolve("hb.csv");
        a.writeCsv(csv);
        final List<String> lines = Files.readAllLines(csv);
        final List<String> header = Arrays.asList(lines.get(0).split(","));
        assertTrue(header.contains("energy") && header.contains("loss"));
        final String[] row1 = lines.get(2).split(",", -1);
        assertEquals(e1, Double.parseDouble(row1[header.indexOf("energy")]), 1e-13);
        assertEquals(l1, Double.parseDouble(row1[header.indexOf("loss")]), 1e-13);
        // Other rules have no energy: the field is empty.
        final RuleAnalyzer.Analysis gd = RuleAnalyzer.run(BuiltinLosses.named("quadratic"), Rules.named("gd", 0.03), 1, 1);
        gd.writeCsv(dir.resolve("gd.csv"));
        assertEquals("", Files.readAllLines(dir.resolve("gd.csv")).get(1).split(",", -1)[header.indexOf("energy")]);
    }

    @Test
    void everyMomentumRuleIsAnalysedOnTheta() {
        for (String rule : new String[] {"heavy-ball", "nesterov", "adam"}) {
            final Trajectory tr = RuleAnalyzer.record(BuiltinLosses.named("quadratic"),
                    Rules.named(rule, Rules.defaultLearningRate(rule, "quadratic")), 3);
            assertEquals(2, tr.dimension(), rule);
            final double[] th = tr.theta(2);
            assertArrayEquals(aTimes(th), tr.grad(2), 1e-13, rule + ": ∇L(θ), not ∇E");
        }
    }

    @Test
    void ineffectiveStepsGetOneMarkerEach() {
        final RuleAnalyzer.Analysis a = RuleAnalyzer.run(BuiltinLosses.named("quadratic"),
                Rules.named("nesterov", 0.03), 300, 10);
        final long byHand = a.rows().stream().filter(r -> r.yDotG() <= 0).count();
        assertTrue(byHand > 0);
        final double[] t = Plots.range(a.rows().size());
        final double[] ones = new double[t.length];
        Arrays.fill(ones, 1.0);
        final XYChart c = Plots.chart("test", "t", "κ", true);
        final XYSeries s = Plots.markers(c, "ineffective", t, a.ineffectiveAt(ones), 0);
        assertEquals(byHand, s.getXData().length);
        assertEquals(XYSeries.XYSeriesRenderStyle.Scatter, s.getXYSeriesRenderStyle().orElseThrow());
        assertNull(Plots.markers(c, "none", t, new double[t.length], 0), "zeros on a log axis: nothing drawn");
    }

    @Test
    void ineffectiveStepsWithZeroLossStillGetAMarker() {
        // Newton reaches the minimum of Rosenbrock exactly: L = 0 and g = 0 (yᵀg = 0) afterwards.
        final RuleAnalyzer.Analysis a = RuleAnalyzer.run(BuiltinLosses.named("rosenbrock"),
                Rules.named("newton", 0.5), 120, 10);
        final double[] loss = a.rows().stream().mapToDouble(RuleAnalyzer.Row::loss).toArray();
        final long zeroAndIneffective = a.rows().stream().filter(r -> r.loss() == 0.0 && r.yDotG() <= 0).count();
        assertTrue(zeroAndIneffective > 0, "the run reaches L = 0");
        final long ineffective = a.rows().stream().filter(r -> !(r.yDotG() > 0)).count();
        final XYChart c = Plots.chart("test", "t", "L", true);
        final XYSeries s = Plots.markers(c, "ineffective", Plots.range(loss.length), a.markerHeights(loss), 0);
        assertEquals(ineffective, s.getXData().length);
        double smallestPositive = Double.POSITIVE_INFINITY;
        for (double l : loss) {
            smallestPositive = l > 0 ? Math.min(smallestPositive, l) : smallestPositive;
        }
        assertEquals(smallestPositive, Arrays.stream(s.getYData()).min().orElseThrow(), 0.0);
    }
}
