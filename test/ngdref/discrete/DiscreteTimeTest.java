package ngdref.discrete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ngdref.metric.OneParameterMetric;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

/** Discrete gradients (12), the discrete metric (14), the Hessian correction (17) and stochastic (19)–(20). */
class DiscreteTimeTest {

    /** L(θ) = Σ θᵢ⁴/4 − θ₀θ₁ + θ₁²: a non-convex quartic with a closed-form gradient and Hessian. */
    static final class Quartic implements TwiceDifferentiableLoss {
        @Override
        public double value(double[] t) {
            double s = 0;
            for (double v : t) {
                s += v * v * v * v / 4;
            }
            return s - t[0] * t[1] + t[1] * t[1];
        }

        @Override
        public double[] gradient(double[] t) {
            final double[] g = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                g[i] = t[i] * t[i] * t[i];
            }
            g[0] -= t[1];
            g[1] += -t[0] + 2 * t[1];
            return g;
        }

        @Override
        public double[][] hessian(double[] t) {
            final double[][] h = new double[t.length][t.length];
            for (int i = 0; i < t.length; i++) {
                h[i][i] = 3 * t[i] * t[i];
            }
            h[0][1] = -1;
            h[1][0] = -1;
            h[1][1] += 2;
            return h;
        }
    }

    private static final double[] X = {0.7, -0.3, 1.1};
    private static final double[] X_NEXT = {0.5, -0.1, 0.9};

    private static void checkAxioms(DiscreteGradient dg, double tol) {
        final Quartic l = new Quartic();
        final double[] d = dg.of(l, X, X_NEXT);
        double pd = 0;
        for (int i = 0; i < X.length; i++) {
            pd += (X_NEXT[i] - X[i]) * d[i];
        }
        assertEquals(l.value(X_NEXT) - l.value(X), pd, tol, dg.getClass().getSimpleName());
        final double[] same = dg.of(l, X, X);
        final double[] grad = l.gradient(X);
        for (int i = 0; i < X.length; i++) {
            assertEquals(grad[i], same[i], tol, dg.getClass().getSimpleName() + " consistency");
        }
    }

    @Test
    void everyDiscreteGradientSatisfiesEquation12() {
        checkAxioms(new MidpointDiscreteGradient(), 1e-15);
        checkAxioms(new ItohAbeDiscreteGradient(), 1e-15);
        // The AVF integrand is a cubic along the segment: exact for n ≥ 2 nodes.
        checkAxioms(new AverageVectorFieldDiscreteGradient(2), 1e-15);
        checkAxioms(new TaylorDiscreteGradient(), 1e-13);
    }

    @Test
    void averageVectorFieldErrorBoundIsStated() {
        final AverageVectorFieldDiscreteGradient one = new AverageVectorFieldDiscreteGradient(1);
        // n = 1 (midpoint rule): (1!)⁴/(3·(2!)³) = 1/24.
        assertEquals(1.0 / 24, one.errorCoefficient(), 1e-16);
        assertTrue(one.errorEstimate(new Quartic(), X, X_NEXT) > 0);
        assertEquals(0.0, new AverageVectorFieldDiscreteGradient(3).errorEstimate(new Quartic(), X, X_NEXT), 1e-15);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new AverageVectorFieldDiscreteGradient(0))
                .getMessage().contains("nodes = 0"));
    }

    @Test
    void taylorNeedsAHessian() {
        final Loss noHessian = new Loss() {
            @Override
            public double value(double[] t) {
                return t[0] * t[0];
            }

            @Override
            public double[] gradient(double[] t) {
                return new double[] {2 * t[0], 0};
            }
        };
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new TaylorDiscreteGradient().of(noHessian, new double[] {1, 0}, new double[] {0, 0}))
                .getMessage().contains("must implement TwiceDifferentiableLoss"));
    }

    @Test
    void discreteMetricMapsGToYBar() {
        final Quartic l = new Quartic();
        final double[] g = new double[X.length];
        final double[] grad = l.gradient(X);
        for (int i = 0; i < g.length; i++) {
            g[i] = -grad[i];
        }
        final double eta = 0.1;
        final DiscreteMetric step = DiscreteMetric.of(l, new MidpointDiscreteGradient(), X, eta, g, 1.0);
        final double[] yBar = step.yBar();
        final double[] mg = step.metric().apply(g);
        double gy = 0;
        for (int i = 0; i < g.length; i++) {
            assertEquals(yBar[i], mg[i], 1e-15);
            gy += g[i] * yBar[i];
        }
        // η gᵀȳ = L(θ_t) − L(θ_{t+1}) (Eq. 13).
        assertEquals(step.decrease(), eta * gy, 1e-15);
        assertTrue(step.decrease() > 0);
    }

    @Test
    void discreteMetricRejectsAStepThatIncreasesTheLoss() {
        final Quartic l = new Quartic();
        final double[] up = l.gradient(X);   // ascent direction
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DiscreteMetric.of(l, new MidpointDiscreteGradient(), X, 0.1, up, 1.0));
        assertTrue(e.getMessage().contains("not an effective update"), e.getMessage());
    }

    @Test
    void hessianCorrectionIsSpdBelowTheBoundAndRejectedAbove() {
        final double[] g = {1, 0.2};
        final double[] yBar = {1, 0.5};
        final double[][] h = {{-2, 0}, {0, 1}};   // λ_min(H) = −2
        final double paperBound = HessianCorrectedMetric.learningRateBound(g, yBar, h);
        // (ȳᵀg/gᵀg)/h = (1.1/1.04)/2
        assertEquals(1.1 / 1.04 / 2, paperBound, 1e-15);
        final HessianCorrectedMetric ok = HessianCorrectedMetric.of(g, yBar, h, 0.9 * ok(g, yBar, h), 1.0);
        final double[] l = new EigenDecomposition(new Array2DRowRealMatrix(ok.toArray())).getRealEigenvalues();
        for (double v : l) {
            assertTrue(v > 0, "eigenvalue " + v);
        }
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HessianCorrectedMetric.of(g, yBar, h, 1.01 * ok(g, yBar, h), 1.0));
        assertTrue(e.getMessage().contains("violates the learning-rate bound"), e.getMessage());
        // For γ → ∞ the admissible η approaches the paper's bound from below.
        final double large = HessianCorrectedMetric.of(g, yBar, h, 1e-9, 1e8).learningRateBound();
        assertTrue(large < paperBound && large > 0.999 * paperBound, large + " vs " + paperBound);
    }

    private static double ok(double[] g, double[] yBar, double[][] h) {
        return HessianCorrectedMetric.of(g, yBar, h, 1e-12, 1.0).learningRateBound();
    }

    @Test
    void hessianCorrectionOnTheTaylorStepGivesTheContinuousGradient() {
        // Quadratic loss: the Taylor discrete gradient is exact with H = ½∇²L; (M̄+ηH)g = −∇L(θ_t) (17).
        final TwiceDifferentiableLoss quad = new TwiceDifferentiableLoss() {
            @Override
            public double value(double[] t) {
                return t[0] * t[0] + 3 * t[1] * t[1] - t[0] * t[1];
            }

            @Override
            public double[] gradient(double[] t) {
                return new double[] {2 * t[0] - t[1], 6 * t[1] - t[0]};
            }

            @Override
            public double[][] hessian(double[] t) {
                return new double[][] {{2, -1}, {-1, 6}};
            }
        };
        final double[] theta = {1, 1};
        final double[] grad = quad.gradient(theta);
        final double[] g = {-grad[0], -grad[1]};
        final double eta = 0.05;
        final double[] yBar = DiscreteMetricTestSupport.negate(new TaylorDiscreteGradient().of(quad, theta,
                new double[] {theta[0] + eta * g[0], theta[1] + eta * g[1]}));
        final double[][] half = {{1, -0.5}, {-0.5, 3}};
        final double[][] corrected = HessianCorrectedMetric.of(g, yBar, half, eta, 1.0).toArray();
        for (int i = 0; i < 2; i++) {
            assertEquals(-grad[i], corrected[i][0] * g[0] + corrected[i][1] * g[1], 1e-13);
        }
    }

    @Test
    void stochasticMetricSatisfiesEquation20() {
        final double[][] gs = {{1, 0.1, 0}, {0.8, -0.1, 0.2}, {1.2, 0.3, -0.1}};
        final double[][] ys = {{0.9, 0.2, 0.1}, {1.1, 0, 0.1}, {1.0, 0.1, -0.1}};
        final double[][] hgs = {{0.5, 0.1, 0}, {0.4, 0, 0.1}, {0.6, 0.2, 0}};
        final double eta = 0.1;
        final StochasticMetric m = StochasticMetric.of(gs, ys, hgs, eta, 1.0);
        final double[] mg = m.apply(m.meanUpdate());
        final double[] target = m.negativeGradient();
        for (int i = 0; i < 3; i++) {
            assertEquals(target[i], mg[i], 1e-14);
        }
        final double[] back = m.solve(target);
        final double[] meanG = m.meanUpdate();
        for (int i = 0; i < 3; i++) {
            assertEquals(meanG[i], back[i], 1e-13);
        }
        assertEquals(Double.POSITIVE_INFINITY, m.learningRateBound());
    }

    @Test
    void stochasticMetricRejectsLargeEtaWithNegativeCurvature() {
        final double[][] gs = {{1, 0}};
        final double[][] ys = {{1, 0.5}};
        final double[][] hgs = {{-1, 0}};
        final double bound = StochasticMetric.of(gs, ys, hgs, 1e-6, 1.0).learningRateBound();
        assertTrue(bound > 0 && bound < Double.POSITIVE_INFINITY);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StochasticMetric.of(gs, ys, hgs, 2 * bound, 1.0));
        assertTrue(e.getMessage().contains("would not be positive definite"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> StochasticMetric.of(new double[0][], ys, hgs, 0.1, 1.0)).getMessage().contains("gSamples has no samples"));
    }

    @Test
    void timeVaryingExtension() {
        // θ̇ = (1, 0), ∇_θL = (−1, 0), ∂L/∂t = 0.5: L̇ = −1 + 0.5 < 0, effective.
        final OneParameterMetric m = TimeVaryingExtension.metric(new double[] {1, 0}, new double[] {-1, 0}, 0.5, 1.0);
        assertEquals(3, m.dimension());
        final double[] mv = m.apply(new double[] {1, 0, 1});
        assertEquals(1.0, mv[0], 1e-15);
        assertEquals(0.0, mv[1], 1e-15);
        assertEquals(-0.5, mv[2], 1e-15);
        // ∂L/∂t = 2: L̇ = 1 > 0, not effective.
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> TimeVaryingExtension.metric(new double[] {1, 0}, new double[] {-1, 0}, 2.0, 1.0))
                .getMessage().contains("not an effective update"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> TimeVaryingExtension.metric(new double[] {1, 0}, new double[] {-1, 0}, Double.NaN, 1.0))
                .getMessage().contains("dLdt is NaN"));
    }
}
