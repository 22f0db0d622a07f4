package ngdref.dense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import ngdref.discrete.HessianCorrectedMetric;
import ngdref.discrete.StochasticMetric;
import ngdref.metric.Metric;
import ngdref.metric.OneParameterMetric;
import org.junit.jupiter.api.Test;

/**
 * The one checker ({@link MetricCheck}) on every implementation of {@link Metric}: each passes for
 * the pair it is built to map (the family and M_opt, the canonical metric and the
 * Hessian-corrected and stochastic metrics, whose M maps g to ȳ + ηHg and ⟨g⟩ to ⟨ȳ⟩ + η⟨Hg⟩);
 * and metrics that are not valid fail, each for the reason it is not (hand-made matrices whose
 * faults are known: the identity for y ≠ g, an indefinite M with Mg = y, a metric for another y).
 */
class MetricCheckTest {

    private static double[] gaussian(Random r, int d) {
        final double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    /** y with yᵀg &gt; 0: g tilted by a random vector. */
    private static double[] effective(Random r, double[] g) {
        final double[] y = gaussian(r, g.length);
        double yg = 0.0;
        for (int i = 0; i < g.length; i++) {
            y[i] = 2 * g[i] + y[i];
            yg += y[i] * g[i];
        }
        if (yg <= 0.0) {
            return g.clone();
        }
        return y;
    }

    private static void assertPasses(String what, Metric m, double[] g, double[] y) {
        final List<String> failures = MetricCheck.of(m, g, y).failures(MetricCheck.DEFAULT_TOLERANCE);
        assertTrue(failures.isEmpty(), what + ": " + failures);
    }

    @Test
    void everyImplementationPassesForItsOwnPair() {
        final Random r = new Random(15);
        for (int trial = 0; trial < 40; trial++) {
            final int d = 2 + r.nextInt(12);
            final double[] g = gaussian(r, d);
            final double[] y = effective(r, g);
            final double gamma = Math.pow(10, 4 * r.nextDouble() - 2);
            assertPasses("M(γ)", OneParameterMetric.ofGamma(g, y, gamma), g, y);
            assertPasses("M_opt", OneParameterMetric.optimal(g, y), g, y);
            // M' = α(I − ĝĝᵀ) on g⊥: the canonical metric equals M(α)
            final double[][] mPrime = new double[d][d];
            double gg = 0.0;
            for (double v : g) {
                gg += v * v;
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    mPrime[i][j] = gamma * ((i == j ? 1.0 : 0.0) - g[i] * g[j] / gg);
                }
            }
            assertPasses("canonical", CanonicalMetric.fromComplement(g, y, mPrime, 1e-8), g, y);
            // H symmetric positive semidefinite (no η bound): M̄ + ηH maps g to ȳ + ηHg
            final double[][] h = new double[d][d];
            final double[] a = gaussian(r, d);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    h[i][j] = a[i] * a[j] + (i == j ? 1.0 : 0.0);
                }
            }
            final double eta = 0.1 + r.nextDouble();
            final HessianCorrectedMetric corrected = HessianCorrectedMetric.of(g, y, h, eta, gamma);
            final double[] target = new double[d];
            for (int i = 0; i < d; i++) {
                double hg = 0.0;
                for (int j = 0; j < d; j++) {
                    hg += h[i][j] * g[j];
                }
                target[i] = y[i] + eta * hg;
            }
            assertPasses("Hessian-corrected", corrected, g, target);
            final StochasticMetric stochastic = StochasticMetric.of(new double[][] {g, effective(r, g)},
                    new double[][] {y, effective(r, g)}, new double[][] {gaussian(r, d), gaussian(r, d)}, 1e-3, gamma);
            assertPasses("stochastic", stochastic, stochastic.meanUpdate(), stochastic.negativeGradient());
        }
    }

    /**
     * A preconditioned rule g = −P⁻¹∇L is natural gradient descent with P: y = −∇L = Pg. For a
     * diagonal P (Adam, RMSProp, AdaGrad) and a dense SPD P (Newton, Fisher), built from random g,
     * P passes the checker for (g, Pg), and so respects Props. 1–3: κ(P) ≥ κ_min.
     */
    @Test
    void preconditionerMetricsPassForTheirOwnRule() {
        final Random r = new Random(16);
        for (int trial = 0; trial < 40; trial++) {
            final int d = 2 + r.nextInt(10);
            final double[] g = gaussian(r, d);
            final double[] p = new double[d];
            for (int i = 0; i < d; i++) {
                p[i] = Math.exp(4 * r.nextGaussian());
            }
            final PreconditionerMetric diagonal = PreconditionerMetric.diagonal(p);
            final double[] y = diagonal.apply(g);
            for (int i = 0; i < d; i++) {
                assertEquals(p[i] * g[i], y[i], 0.0, "one correctly rounded product");
                assertEquals(y[i] / p[i], diagonal.solve(y)[i], 0.0, "one correctly rounded quotient");
            }
            assertPasses("diag(p)", diagonal, g, y);
            final double[][] a = new double[d][d];
            for (int i = 0; i < d; i++) {
                final double[] row = gaussian(r, d);
                for (int j = 0; j < d; j++) {
                    a[i][j] = row[j];
                }
            }
            final double[][] spd = new double[d][d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double s = i == j ? 0.5 : 0.0;
                    for (int k = 0; k < d; k++) {
                        s += a[i][k] * a[j][k];
                    }
                    spd[i][j] = s;
                }
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < i; j++) {
                    spd[i][j] = spd[j][i];
                }
            }
            final PreconditionerMetric dense = PreconditionerMetric.dense(spd);
            final double[] yd = dense.apply(g);
            double yg = 0.0;
            for (int i = 0; i < d; i++) {
                yg += yd[i] * g[i];
            }
            if (yg > 0.0) {
                assertPasses("dense P", dense, g, yd);
            }
        }
    }

    @Test
    void preconditionerFactoriesNameTheFault() {
        final IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> PreconditionerMetric.diagonal(new double[] {1, 0, 2}));
        assertTrue(zero.getMessage().startsWith("p[1] = 0.0"), zero.getMessage());
        final IllegalArgumentException asymmetric = assertThrows(IllegalArgumentException.class,
                () -> PreconditionerMetric.dense(new double[][] {{2, 1}, {0.5, 2}}));
        assertTrue(asymmetric.getMessage().startsWith("P is not symmetric: P[0][1] = 1.0 but P[1][0] = 0.5"), asymmetric.getMessage());
        final ArithmeticException indefinite = assertThrows(ArithmeticException.class,
                () -> PreconditionerMetric.dense(new double[][] {{1, 2}, {2, 1}}).solve(new double[] {1, 0}));
        assertTrue(indefinite.getMessage().contains("not numerically positive definite"), indefinite.getMessage());
    }

    /** A fixed dense matrix as a Metric (apply and solve through the dense helpers). */
    private static Metric dense(double[][] m) {
        return new Metric() {
            @Override
            public int dimension() {
                return m.length;
            }

            @Override
            public double[] apply(double[] x) {
                return ngdref.numerics.SymmetricPositiveDefinite.multiply(m, x, "Mx");
            }

            @Override
            public double[] solve(double[] b) {
                return ngdref.numerics.SymmetricPositiveDefinite.solve(m, b, "M⁻¹b");
            }

            @Override
            public double[][] toArray() {
                return new double[][] {m[0].clone(), m[1].clone()};
            }
        };
    }

    /**
     * M_opt of a nearly orthogonal pair, g = (1, 0), y = (2^-24, 1): cos ψ ≈ 2^-24, κ = κ_min ≈
     * 4/cos²ψ ≈ 2^50. As a dense matrix it is a valid metric: the Cholesky solve must not refuse
     * it (Commons Math's default pivot threshold 1e-10 did), and the checker passes it, its
     * M⁻¹y within the κ·u that backward stability allows.
     */
    @Test
    void anIllConditionedValidMetricPasses() {
        final double[] g = {1, 0};
        final double[] y = {0x1.0p-24, 1};
        final PreconditionerMetric m = PreconditionerMetric.dense(OneParameterMetric.optimal(g, y).toArray());
        final MetricCheck check = MetricCheck.of(m, g, y);
        assertTrue(check.passes(MetricCheck.DEFAULT_TOLERANCE), check.failures(MetricCheck.DEFAULT_TOLERANCE).toString());
        assertTrue(check.lambdaMax() / check.lambdaMin() > 0x1.0p49);
    }

    @Test
    void theIdentityIsNotAMetricForYNotEqualToG() {
        // g = (1, 0), y = (2, 1): Ig = g ≠ y. Props. 2–3: ρ = yᵀg/gᵀg = 2 ≥ λ_min = 1 holds,
        // σ = yᵀy/yᵀg = 2.5 > λ_max = 1 fails; κ = 1 < κ_min fails.
        final List<String> failures = MetricCheck.of(dense(new double[][] {{1, 0}, {0, 1}}),
                new double[] {1, 0}, new double[] {2, 1}).failures(MetricCheck.DEFAULT_TOLERANCE);
        assertEquals(4, failures.size(), failures.toString());
        assertTrue(failures.get(0).startsWith("Mg ≠ y"), failures.toString());
        assertTrue(failures.get(1).startsWith("M⁻¹y ≠ g"), failures.toString());
        assertTrue(failures.get(2).startsWith("Prop. 3 fails"), failures.toString());
        assertTrue(failures.get(3).startsWith("Prop. 1 fails"), failures.toString());
    }

    @Test
    void anIndefiniteMatrixWithMgEqualToYFails() {
        // M = [[1, 0], [0, −1]], g = (1, 0), y = (1, 0): Mg = y, but λ_min = −1.
        final MetricCheck check = MetricCheck.of(dense(new double[][] {{1, 0}, {0, -1}}),
                new double[] {1, 0}, new double[] {1, 0});
        assertEquals(-1.0, check.lambdaMin(), 1e-15);
        final List<String> failures = check.failures(MetricCheck.DEFAULT_TOLERANCE);
        assertTrue(failures.get(0).startsWith("M is not positive definite"), failures.toString());
        assertTrue(failures.get(1).startsWith("M⁻¹y was refused: M⁻¹b: the Cholesky factorisation of M failed"),
                failures.toString());
        assertThrows(ArithmeticException.class, check::solveResidual);
    }

    @Test
    void aMetricForAnotherYFailsMgEqualToY() {
        final double[] g = {1, 2, 3};
        final MetricCheck check = MetricCheck.of(OneParameterMetric.optimal(g, new double[] {1, 2, 4}), g, new double[] {1, 2, 3.5});
        assertTrue(check.mgResidual() > 0.01, "residual " + check.mgResidual());
        assertTrue(!check.passes(MetricCheck.DEFAULT_TOLERANCE));
    }

    @Test
    void anAsymmetricMatrixIsRefusedAsNotAMetric() {
        final Metric m = dense(new double[][] {{2, 1}, {0, 2}});
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MetricCheck.of(m, new double[] {1, 0}, new double[] {2, 0}));
        assertTrue(e.getMessage().contains("not symmetric"), e.getMessage());
        final IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> MetricCheck.of(dense(new double[][] {{0, 0}, {0, 0}}), new double[] {1, 0}, new double[] {2, 0}));
        assertTrue(zero.getMessage().contains("zero matrix"), zero.getMessage());
    }
}
