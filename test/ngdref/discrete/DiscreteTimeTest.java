package ngdref.discrete;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import ngdref.metric.OneParameterMetric;
import ngdref.numerics.GaussLegendre;
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
    void itohAbeTakesAnUnchangedCoordinateAtTheIntermediatePoint() {
        // L(θ) = θ₀θ₁, x = (1, 2), x' = (3, 2). By hand (Itoh–Abe: coordinates in order, each a
        // difference quotient, or ∂L/∂θᵢ at the intermediate point when x'ᵢ = xᵢ):
        // component 0 = (L(3, 2) − L(1, 2))/(3 − 1) = (6 − 2)/2 = 2; component 1 = ∂L/∂θ₁ at
        // (3, 2) = 3, not its value 1 at x. Every number is an exact small integer.
        final Loss product = new Loss() {
            @Override
            public double value(double[] t) {
                return t[0] * t[1];
            }

            @Override
            public double[] gradient(double[] t) {
                return new double[] {t[1], t[0]};
            }
        };
        final double[] x = {1.0, 2.0};
        assertArrayEquals(new double[] {2.0, 3.0}, new ItohAbeDiscreteGradient().of(product, x, new double[] {3.0, 2.0}));
        assertArrayEquals(new double[] {1.0, 2.0}, x, "x is not modified");
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
    void averageVectorFieldErrorCoefficientAtEveryNodeCount() {
        // By hand: n = 2: (2!)⁴/(5·(4!)³) = 16/69120 = 1/4320; n = 3: (3!)⁴/(7·(6!)³) = 1296/2612736000
        // = 1/2016000.
        assertEquals(1.0 / 4320, new AverageVectorFieldDiscreteGradient(2).errorCoefficient(), 1e-14 / 4320);
        assertEquals(1.0 / 2016000, new AverageVectorFieldDiscreteGradient(3).errorCoefficient(), 1e-14 / 2016000);
        // Every n: (n!)⁴/((2n+1)·((2n)!)³) in exact integers, rounded once (the class sums
        // logarithms; its relative error grows with log C, to about 1e-11 at n = 64).
        for (int n = 1; n <= 64; n++) {
            final BigInteger num = factorial(n).pow(4);
            final BigInteger den = factorial(2 * n).pow(3).multiply(BigInteger.valueOf(2L * n + 1));
            final double exact = new BigDecimal(num).divide(new BigDecimal(den), MathContext.DECIMAL128).doubleValue();
            assertEquals(exact, new AverageVectorFieldDiscreteGradient(n).errorCoefficient(), 1e-10 * exact, "n = " + n);
        }
        // Independently, what the coefficient means: the n-point rule on [0, 1] misses ∫₀¹ s^(2n) ds
        // = 1/(2n+1) by exactly C·(2n)! (f⁽²ⁿ⁾ = (2n)! is constant). Nodes and weights from
        // Commons Math via GaussLegendre, the sum in BigDecimal; n ≤ 5 keeps the difference
        // (1.4e-6 at n = 5 against 1/11) well above the nodes' rounding.
        for (int n = 1; n <= 5; n++) {
            final double[] t = GaussLegendre.nodes(n);
            final double[] w = GaussLegendre.weights(n);
            BigDecimal quadrature = BigDecimal.ZERO;
            for (int k = 0; k < n; k++) {
                quadrature = quadrature.add(new BigDecimal(w[k]).multiply(new BigDecimal(t[k]).pow(2 * n)));
            }
            final double missed = BigDecimal.ONE.divide(BigDecimal.valueOf(2L * n + 1), MathContext.DECIMAL128)
                    .subtract(quadrature).divide(new BigDecimal(factorial(2 * n)), MathContext.DECIMAL128).doubleValue();
            assertEquals(missed, new AverageVectorFieldDiscreteGradient(n).errorCoefficient(), 1e-7 * missed, "n = " + n);
        }
    }

    private static BigInteger factorial(int n) {
        BigInteger f = BigInteger.ONE;
        for (int k = 2; k <= n; k++) {
            f = f.multiply(BigInteger.valueOf(k));
        }
        return f;
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
        final DiscreteStep step = DiscreteStep.of(l, new MidpointDiscreteGradient(), X, eta, g, 1.0);
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
                () -> DiscreteStep.of(l, new MidpointDiscreteGradient(), X, 0.1, up, 1.0));
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
        // By hand: M̄ = ȳȳᵀ/ȳᵀg + α(I − ggᵀ/gᵀg), ȳᵀg = 1.1, gᵀg = 1.04, α = ȳᵀȳ/ȳᵀg = 1.25/1.1,
        // and I − ggᵀ/gᵀg = [[0.04, −0.2], [−0.2, 1]]/1.04. Its λ_min from the 2×2 characteristic
        // polynomial (trace 2.5/1.1, determinant 1.25/1.04): λ_min ≈ 0.8374, so the bound
        // λ_min(M̄)/h with h = 2 is ≈ 0.4187 (below the paper's supremum ≈ 0.5288).
        final double alpha = 1.25 / 1.1;
        final double[][] mBar = {
            {1 / 1.1 + alpha * 0.04 / 1.04, 0.5 / 1.1 - alpha * 0.2 / 1.04},
            {0.5 / 1.1 - alpha * 0.2 / 1.04, 0.25 / 1.1 + alpha / 1.04},
        };
        final double bound = smallestEigenvalue2x2(mBar) / 2;
        assertEquals(0.41868, bound, 1e-5);
        assertEquals(bound, ok(g, yBar, h), 1e-14 * bound);
        // Below the bound: M̄ + ηH, entry by entry as by hand, and positive definite (Commons Math).
        final double eta = 0.9 * bound;
        final double[][] corrected = HessianCorrectedMetric.of(g, yBar, h, eta, 1.0).toArray();
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(mBar[i][j] + eta * h[i][j], corrected[i][j], 1e-14, "(M̄ + ηH)[" + i + "][" + j + "]");
            }
        }
        final double[] l = new EigenDecomposition(new Array2DRowRealMatrix(corrected)).getRealEigenvalues();
        for (double v : l) {
            assertTrue(v > 0, "eigenvalue " + v);
        }
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HessianCorrectedMetric.of(g, yBar, h, 1.01 * bound, 1.0));
        assertTrue(e.getMessage().contains("violates the learning-rate bound"), e.getMessage());
        // For γ → ∞ the admissible η approaches the paper's bound from below.
        final double large = HessianCorrectedMetric.of(g, yBar, h, 1e-9, 1e8).learningRateBound();
        assertTrue(large < paperBound && large > 0.999 * paperBound, large + " vs " + paperBound);
    }

    private static double ok(double[] g, double[] yBar, double[][] h) {
        return HessianCorrectedMetric.of(g, yBar, h, 1e-12, 1.0).learningRateBound();
    }

    /** The smaller root of λ² − tr·λ + det for a symmetric 2×2 matrix, without cancellation. */
    private static double smallestEigenvalue2x2(double[][] m) {
        final double tr = m[0][0] + m[1][1];
        final double det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
        return 2 * det / (tr + Math.sqrt(tr * tr - 4 * det));
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
        // The sample means by hand (column sums / 3): ⟨g⟩ = ⟨ȳ⟩ = (1, 0.1, 1/30), ⟨Hg⟩ = (0.5, 0.1, 1/30).
        final double[] meanG = {1, 0.1, 1.0 / 30};
        final double[] meanHg = {0.5, 0.1, 1.0 / 30};
        // So ψ = 0 and, with γ = 1, M̄ = I (σ = α = 1); M = I + η·hhᵀ/(hᵀ⟨g⟩) with h = ⟨Hg⟩, and
        // −∇L(θ_t) = ⟨ȳ⟩ + η⟨Hg⟩ = (1.05, 0.11, 11/300) (Eq. 20).
        final double[] target = {1.05, 0.11, 11.0 / 300};
        // The means' stated accuracy, (n + 3)·2^-53·Σₖ|vₖᵢ|/n, is at most 6·2^-53 ≈ 6.7e-16 here.
        final double tol = 1e-15;
        assertArrayEquals(meanG, m.meanUpdate(), tol, "⟨g⟩");
        assertArrayEquals(meanG, m.meanYBar(), tol, "⟨ȳ⟩");
        assertArrayEquals(meanHg, m.meanHg(), tol, "⟨Hg⟩");
        assertArrayEquals(target, m.negativeGradient(), 2 * tol, "⟨ȳ⟩ + η⟨Hg⟩");
        assertArrayEquals(target, m.apply(meanG), 1e-14, "M⟨g⟩ = −∇L(θ_t)");
        assertArrayEquals(meanG, m.solve(target), 1e-13, "M⁻¹(−∇L(θ_t)) = ⟨g⟩");
        // Another vector: Me₂ = e₂ + η·h·h₂/(hᵀ⟨g⟩), hᵀ⟨g⟩ = 0.5 + 0.01 + 1/900.
        final double hg = 0.5 + 0.01 + 1.0 / 900;
        final double[] me2 = m.apply(new double[] {0, 1, 0});
        final double[] expected = {eta * 0.5 * 0.1 / hg, 1 + eta * 0.1 * 0.1 / hg, eta * (1.0 / 30) * 0.1 / hg};
        assertArrayEquals(expected, me2, 1e-15, "Me₂");
        assertEquals(Double.POSITIVE_INFINITY, m.learningRateBound());
    }

    @Test
    void stochasticSampleMeansNearTheTopOfTheRange() {
        // Entries near 2^1023, whose sums overflow: the means are formed on scaled samples.
        final double big = 0x1.8p1022;   // 1.5·2^1022; the largest double is about 2^1024
        final double[][] gs = {{big, 1}, {0x1.0p1023, 3}, {big, 2}};
        final double[][] ys = {{0x1.0p1023, -1}, {0x1.0p1023, 0}, {0x1.0p1022, 4}};
        final double[][] hgs = {{4, 1}, {2, 0}, {0, 2}};
        final StochasticMetric m = StochasticMetric.of(gs, ys, hgs, 0.5, 1.0);
        // By hand: ⟨g⟩ = ((1.5 + 2 + 1.5)/3·2^1022, 2) = (5/3·2^1022, 2), ⟨ȳ⟩ = (5/3·2^1022, 1),
        // ⟨Hg⟩ = (2, 1).
        // Stated accuracy of component 0: (n + 3)·2^-53·Σₖ|vₖ₀|/n = 6·2^-53·(5/3)·2^1022.
        final double fiveThirds = Math.scalb(5.0 / 3, 1022);
        final double tol = 6 * 0x1.0p-53 * fiveThirds;
        final double[] meanG = m.meanUpdate();
        final double[] meanYBar = m.meanYBar();
        assertEquals(fiveThirds, meanG[0], tol, "⟨g⟩₀");
        assertEquals(2.0, meanG[1], 1e-15, "⟨g⟩₁");
        assertEquals(fiveThirds, meanYBar[0], tol, "⟨ȳ⟩₀");
        assertEquals(1.0, meanYBar[1], 1e-15, "⟨ȳ⟩₁");
        assertArrayEquals(new double[] {2, 1}, m.meanHg(), 1e-15, "⟨Hg⟩");
    }

    /**
     * Regression (found by EtaBoundProperties at 20,000 tries): λ_min(M̄)/h within about 2^-500 of
     * a rounding midpoint used to be refused as "an algebraic coincidence" after 300 bisections.
     * Here H = diag(−2^-399, 2^-399), so h = 2^-399, and ρ̄ = ȳᵀg/gᵀg = 2^-364(1 + 2^-53): ρ̄/h is
     * exactly the midpoint 2^35(1 + 2^-53) between 2^35 and its successor. With γ ≈ 2^609,
     * λ_min(M̄) lies below ρ̄ (Proposition 2, strict as g ∦ ȳ) by a relative amount of order 1/γ,
     * so λ_min(M̄)/h is just below the midpoint and rounds to 2^35.
     */
    @Test
    void metricBoundNextToARoundingMidpointIsDecided() {
        final double[] g = {0x1.0p244, 0x1.0p244};
        final double[] yBar = {0x1.0p-119, 0x1.0p-172};
        final double[][] h = {{-0x1.0p-399, 0}, {0, 0x1.0p-399}};
        final HessianCorrectedMetric m = HessianCorrectedMetric.of(g, yBar, h, 1e-300, 0x1.dab29eab720afp609);
        assertEquals(0x1.0p35, m.learningRateBound());
        assertEquals(0x1.0p-399, m.negativeCurvature());
        // the paper's supremum ρ̄/h is the midpoint itself, which rounds to even: 2^35
        assertEquals(0x1.0p35, HessianCorrectedMetric.learningRateBound(g, yBar, h));
    }

    /**
     * Issue 12, item 2: the stochastic η bound is correctly rounded. Here the bound is
     * −s·γ·yᵀy·c/(‖ch − sy‖² + γ·yᵀy·s²) (s = hᵀg, c = yᵀg) =
     * 3.999999998509884 (the nearest double, from Python's exact fractions); the former
     * −s/(hᵀ·M̄.solve(h)) in double returned 3.9999999985098844, 1 ulp off.
     */
    @Test
    void stochasticBoundIsCorrectlyRounded() {
        final double[] g = {0, -4, -1, 1};
        final double[] y = {2, -2, 0, 2};
        final double[] h = {-0.5, 0.5, 0x1.0p-30, -0.5};
        final StochasticMetric m = StochasticMetric.of(new double[][] {g}, new double[][] {y},
                new double[][] {h}, 1e-300, 1.0);
        assertEquals(3.999999998509884, m.learningRateBound());
        assertEquals(m.learningRateBound(), OneParameterMetric.ofGamma(g, y, 1.0).rankOneBound(h));
        // η equal to the rounded bound is refused (the exact bound lies below it here)
        assertThrows(IllegalArgumentException.class, () -> StochasticMetric.of(new double[][] {g},
                new double[][] {y}, new double[][] {h}, 3.999999998509884, 1.0));
    }

    /**
     * Regression (found by ExtremeMagnitudeProperties in the long run, jqwik seed
     * 3848529965944078984): ⟨g⟩, ⟨ȳ⟩ and ⟨Hg⟩ span the whole space (D = 3), α ≈ 5e-188 and
     * η‖⟨Hg⟩‖²/⟨Hg⟩ᵀ⟨g⟩ ≈ 2e220. solve divided the rounding left in b − QQᵀb (which is 0 exactly
     * here) by α, returning x with a component of −3.8e209 and ‖b − Mx‖∞ ≈ ν‖x‖∞; its a-posteriori
     * check passed because ν‖x‖∞ overflowed to +∞ in the scaled units. Checked here against M
     * evaluated exactly: the documented backward error, or a refusal by name — never a wrong x.
     */
    @Test
    void stochasticSolveWhenTheMeansSpanTheSpaceIsBackwardStable() {
        final double[] g = {-0x1.b79e8cf257b5dp-427, -0x1.851cef3073e9p-327, -0x1.388dab04f22dep428};
        final double[] y = {-0x1.1980ea8b2313bp-428, -0x1.f0f7bcb5c1ad4p-329, -0x1.a0ae8bff487fep-463};
        final double[] h = {0x1.bfa950509fbb8p474, -0x1.c22c6d5a6036ap506, -0x1.08d4cdf76f48ap-289};
        final double eta = 0x1.b74fe053839e1p-102;
        final StochasticMetric m = StochasticMetric.of(new double[][] {g}, new double[][] {y},
                new double[][] {h}, eta, 1.0);
        final double[] b = m.negativeGradient();
        assertBackwardStable(g, y, h, eta, b, m.solve(b));
    }

    /**
     * Inputs (found by a random search over whole-range single-sample metrics) where the
     * computed M⁻¹b misses solve's stated accuracy by over a hundred orders of magnitude: solve
     * must refuse by name, or return an x that meets the bound in exact arithmetic. Without the
     * a-posteriori residual check it returns the inaccurate x (gate mutant
     * stochastic-solve-residual-check-always-true).
     */
    @Test
    void stochasticSolveRefusesByNameWhatItCannotSolveAccurately() {
        final double[][][] cases = {
            {{0x1.f38dd32d70167p-267, 0x1.353aa3a6d023ap69, -0x1.40dcebba9fa6cp29},
             {-0x1.7fcd70d621de3p-450, 0x1.327e4d3e1985ap69, -0x1.9673559529408p29},
             {-0x1.ee0d33fce09bap596, 0x1.4e68f8fc5f5bap659, 0x1.c19146aefa4a4p236},
             {0x1.e4f4f149fffb4p-25}},
            {{-0x1.42ad031f0aaa8p-142, -0x1.181c050fe27b8p-175, -0x1.88f0f0ce5d2bep-217, 0x1.aec4e87b9db02p-163},
             {-0x1.5f4de634251fp-142, -0x1.bef70f8e2c14bp-177, -0x1.0209145f48c52p-217, 0x1.552f9b66b17f8p-162},
             {-0x1.248dbd1ee6671p-862, -0x1.1a2a57bb6ad2p-1008, -0x1.2a16868f03d1cp-908, 0x1.15358124ced98p-866},
             {0x1.df57f7724393dp917}},
        };
        for (double[][] c : cases) {
            final StochasticMetric m = StochasticMetric.of(new double[][] {c[0]}, new double[][] {c[1]},
                    new double[][] {c[2]}, c[3][0], 1.0);
            final double[] b = m.negativeGradient();
            final double[] x;
            try {
                x = m.solve(b);
            } catch (ArithmeticException e) {
                assertTrue(e.getMessage().contains("did not reach its stated accuracy"), e.getMessage());
                continue;
            }
            assertBackwardStable(c[0], c[1], c[2], c[3][0], b, x);
        }
    }

    /**
     * ⟨Hg⟩ᵀ⟨g⟩ = 2^-60 exactly while the floating-point dot (1·1 + 1·2^-60 + 1·(−1), one fma per
     * term) cancels to 0: the metric takes it exactly. By hand, with y = g the base metric is
     * M̄ = ggᵀ/gᵀg + (I − ggᵀ/gᵀg) = I, so with η = 2^-60 and h = (1, 1, 1)
     * M·e₁ = e₁ + η·h·(hᵀe₁)/(hᵀg) = (2, 1, 1), and the bound is +∞ (hᵀg &gt; 0).
     */
    @Test
    void aCancellingHgDotGIsTakenExactly() {
        final double[] g = {1, 0x1.0p-60, -1};
        final StochasticMetric m = StochasticMetric.of(new double[][] {g}, new double[][] {g.clone()},
                new double[][] {{1, 1, 1}}, 0x1.0p-60, 1.0);
        assertEquals(Double.POSITIVE_INFINITY, m.learningRateBound());
        assertArrayEquals(new double[] {2, 1, 1}, m.apply(new double[] {1, 0, 0}), 0.0);
    }

    /**
     * On moderate single-sample metrics whose three vectors ⟨g⟩, ⟨ȳ⟩, ⟨Hg⟩ span a 3-dimensional
     * subspace (so the small system QᵀMQ is 3×3 and eliminated with pivoting), solve answers — no
     * refusal — and meets its stated bound in exact arithmetic.
     */
    @Test
    void stochasticSolveAnswersWithinItsBoundOnModerateInputs() {
        final java.util.Random r = new java.util.Random(31L);
        int solved = 0;
        for (int t = 0; t < 120; t++) {
            final int d = 3 + r.nextInt(10);
            final double[] g = new double[d];
            final double[] y = new double[d];
            final double[] h = new double[d];
            final double[] b = new double[d];
            double yg = 0;
            double hg = 0;
            for (int i = 0; i < d; i++) {
                g[i] = r.nextGaussian();
                y[i] = g[i] + 0.7 * r.nextGaussian();
                h[i] = r.nextGaussian();
                b[i] = r.nextGaussian() * Math.pow(10, r.nextInt(7) - 3);
                yg += y[i] * g[i];
                hg += h[i] * g[i];
            }
            if (!(yg > 1e-3)) {
                continue;
            }
            if (hg < 0) {
                for (int i = 0; i < d; i++) {
                    h[i] = -h[i];      // ⟨Hg⟩ᵀ⟨g⟩ > 0: every η > 0 is below the bound (+∞)
                }
            }
            final double eta = Math.pow(10, -2 + 3 * r.nextDouble());
            final StochasticMetric m = StochasticMetric.of(new double[][] {g}, new double[][] {y}, new double[][] {h}, eta, 1.0);
            assertBackwardStable(g, y, h, eta, b, m.solve(b));
            solved++;
        }
        assertTrue(solved > 100, "only " + solved + " metrics solved");
    }

    /**
     * ‖b − Mx‖∞ &le; 2^-30·(‖b‖∞ + ν‖x‖∞) + ν·2^-1074 (StochasticMetric.solve) for the single-sample
     * metric M = yyᵀ/yᵀg + σ(I − ggᵀ/gᵀg) + η·hhᵀ/hᵀg (γ = 1, so α = σ = yᵀy/yᵀg), ν = 2σ +
     * η‖h‖²/|hᵀg|, with M·x evaluated exactly to 120 digits.
     */
    private static void assertBackwardStable(double[] g, double[] y, double[] h, double eta, double[] b, double[] x) {
        final MathContext mc = new MathContext(120);
        final BigDecimal yg = exactDot(y, g);
        final BigDecimal sigma = exactDot(y, y).divide(yg, mc);
        final BigDecimal gg = exactDot(g, g);
        final BigDecimal hg = exactDot(h, g);
        final BigDecimal etaHOverHg = new BigDecimal(eta).divide(hg, mc);
        final BigDecimal yx = exactDot(y, x);
        final BigDecimal gx = exactDot(g, x);
        final BigDecimal hx = exactDot(h, x);
        BigDecimal residual = BigDecimal.ZERO;
        BigDecimal bMax = BigDecimal.ZERO;
        BigDecimal xMax = BigDecimal.ZERO;
        for (int i = 0; i < g.length; i++) {
            final BigDecimal mx = new BigDecimal(y[i]).multiply(yx).divide(yg, mc)
                    .add(sigma.multiply(new BigDecimal(x[i]).subtract(new BigDecimal(g[i]).multiply(gx).divide(gg, mc))))
                    .add(etaHOverHg.multiply(new BigDecimal(h[i])).multiply(hx), mc);
            residual = residual.max(new BigDecimal(b[i]).subtract(mx).abs());
            bMax = bMax.max(new BigDecimal(b[i]).abs());
            xMax = xMax.max(new BigDecimal(x[i]).abs());
        }
        final BigDecimal nu = sigma.add(sigma).add(etaHOverHg.multiply(exactDot(h, h)).abs());
        final BigDecimal allowed = new BigDecimal(StochasticMetric.SOLVE_RESIDUAL).multiply(bMax.add(nu.multiply(xMax)))
                .add(nu.multiply(new BigDecimal(Double.MIN_VALUE)));
        assertTrue(residual.compareTo(allowed) <= 0, "‖b − Mx‖∞ = " + residual.round(new MathContext(5))
                + " > " + allowed.round(new MathContext(5)));
    }

    private static BigDecimal exactDot(double[] a, double[] b) {
        BigDecimal s = BigDecimal.ZERO;
        for (int i = 0; i < a.length; i++) {
            s = s.add(new BigDecimal(a[i]).multiply(new BigDecimal(b[i])));
        }
        return s;
    }

    /**
     * Each bad argument of StochasticMetric.of named, and the learning-rate bound's two range
     * refusals: g = (1, 0), y = (1, 1/2), γ = 1 give α = 5/4, M = [[1, 1/2], [1/2, 3/2]],
     * M⁻¹ = (4/5)·[[3/2, −1/2], [−1/2, 1]], so for h = (−2^-1000, 2^500) the bound −hᵀg/(hᵀM⁻¹h)
     * is 2^-1000/((4/5)·2^1000·(1 + tiny)) ≈ 1.25·2^-2000 (below every η > 0), and for
     * h = (−2^-1074, 0) it is 2^-1074/((6/5)·2^-2148) = (5/6)·2^1074 (above every double).
     */
    @Test
    void stochasticMetricNamesEachBadArgumentAndTheBoundsRange() {
        final double[][] gs = {{1, 0}};
        final double[][] ys = {{1, 0.5}};
        final double[][] hs = {{1, 0}};
        assertEquals("gSamples must not be null", assertThrows(IllegalArgumentException.class,
                () -> StochasticMetric.of(null, ys, hs, 0.1, 1.0)).getMessage());
        assertEquals("yBarSamples must not be null", assertThrows(IllegalArgumentException.class,
                () -> StochasticMetric.of(gs, null, hs, 0.1, 1.0)).getMessage());
        assertEquals("hgSamples must not be null", assertThrows(IllegalArgumentException.class,
                () -> StochasticMetric.of(gs, ys, null, 0.1, 1.0)).getMessage());
        assertEquals("eta = 0.0; it must be > 0", assertThrows(IllegalArgumentException.class,
                () -> StochasticMetric.of(gs, ys, hs, 0.0, 1.0)).getMessage());
        assertEquals("eta = -1.0; it must be > 0", assertThrows(IllegalArgumentException.class,
                () -> StochasticMetric.of(gs, ys, hs, -1.0, 1.0)).getMessage());
        assertEquals("eta is NaN; it must be finite and > 0", assertThrows(IllegalArgumentException.class,
                () -> StochasticMetric.of(gs, ys, hs, Double.NaN, 1.0)).getMessage());
        final String below = assertThrows(IllegalArgumentException.class,
                () -> StochasticMetric.of(gs, ys, new double[][] {{-0x1.0p-1000, 0x1.0p500}}, Double.MIN_VALUE, 1.0))
                .getMessage();
        assertTrue(below.contains("= 1.25·2^-2000 underflows the range of double") && below.contains("may not be positive definite"),
                below);
        final StochasticMetric above = StochasticMetric.of(gs, ys, new double[][] {{-0x1.0p-1074, 0}}, 0x1.0p1000, 1.0);
        final String overflow = assertThrows(ArithmeticException.class, above::learningRateBound).getMessage();
        assertTrue(overflow.contains("= 1.66667·2^1073 overflows the range of double"), overflow);
    }

    /**
     * StochasticMetric.toArray against M = ȳȳᵀ/ȳᵀg + α(I − ggᵀ/gᵀg) + η·hhᵀ/hᵀg (Eq. 19; one
     * sample, γ = 1, α = ȳᵀȳ/ȳᵀg) evaluated exactly, entry by entry, within its documented
     * bound: M̄'s entrywise bound, 2^-51 of the rank-one term plus the error of the floating-point
     * s = hᵀg (positive terms here, so below (D + 1)·2^-53 relative), and one rounding of the sum.
     * Entries from 2^-400 to 2^400 mixed in each vector; a refusal must name the entry.
     */
    @Test
    void stochasticToArrayIsEquation19EntryByEntry() {
        final java.util.Random r = new java.util.Random(20261203);
        final MathContext mc = new MathContext(60);
        int checked = 0;
        for (int trial = 0; trial < 300; trial++) {
            final int d = 2 + r.nextInt(4);
            final double[] g = new double[d];
            final double[] y = new double[d];
            final double[] h = new double[d];
            final int spread = trial % 3 == 0 ? 400 : 20;
            for (int i = 0; i < d; i++) {
                g[i] = Math.scalb(r.nextGaussian(), r.nextInt(2 * spread + 1) - spread);
                y[i] = g[i] * (1 + 0.5 * r.nextGaussian()) + Math.scalb(r.nextGaussian(), r.nextInt(2 * spread + 1) - spread);
                h[i] = g[i] * (0.5 + r.nextDouble()) * Math.scalb(1.0, r.nextInt(41) - 20);   // hᵀg > 0, no cancellation
            }
            final double eta = Math.scalb(1 + r.nextDouble(), r.nextInt(41) - 20);
            final BigDecimal yg = exactDot(y, g);
            if (yg.signum() <= 0) {
                continue;
            }
            final StochasticMetric m;
            final double[][] a;
            try {
                m = StochasticMetric.of(new double[][] {g}, new double[][] {y}, new double[][] {h}, eta, 1.0);
                a = m.toArray();
            } catch (IllegalArgumentException e) {
                continue;                                  // η not below the bound: not this test's subject
            } catch (ArithmeticException e) {
                assertTrue(e.getMessage().contains("is outside the range of double"), e.getMessage());
                continue;
            }
            final BigDecimal gg = exactDot(g, g);
            final BigDecimal alpha = exactDot(y, y).divide(yg, mc);
            final BigDecimal hg = exactDot(h, g);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    final BigDecimal rankOne = new BigDecimal(y[i]).multiply(new BigDecimal(y[j])).divide(yg, mc);
                    final BigDecimal gigj = new BigDecimal(g[i]).multiply(new BigDecimal(g[j]));
                    final BigDecimal projection = gigj.divide(gg, mc);
                    // δᵢⱼ − gᵢgⱼ/gᵀg formed exactly before the division: 1 − gᵢ²/gᵀg cancels when gᵢ dominates
                    final BigDecimal complement = (i == j ? gg : BigDecimal.ZERO).subtract(gigj).divide(gg, mc);
                    final BigDecimal mBar = rankOne.add(alpha.multiply(complement));
                    final BigDecimal term = new BigDecimal(eta).multiply(new BigDecimal(h[i])).multiply(new BigDecimal(h[j])).divide(hg, mc);
                    final BigDecimal barBound = i == j ? mBar.abs() : rankOne.abs().add(alpha.multiply(projection.abs()));
                    final BigDecimal allowed = new BigDecimal(0x1.0p-50).multiply(barBound)
                            .add(new BigDecimal(0x1.0p-51 + (d + 1) * 0x1.0p-53).multiply(term.abs()))
                            .add(new BigDecimal(0x1.0p-52).multiply(mBar.abs().add(term.abs())))
                            .add(new BigDecimal(0x1.0p-1072));
                    final BigDecimal error = new BigDecimal(a[i][j]).subtract(mBar.add(term)).abs();
                    assertTrue(error.compareTo(allowed) <= 0, "M[" + i + "][" + j + "] = " + a[i][j] + ", exactly "
                            + mBar.add(term).round(new MathContext(17)) + " (trial " + trial + ")");
                    assertEquals(a[i][j], a[j][i], 0.0);
                }
            }
            checked++;
        }
        assertTrue(checked > 150, "only " + checked + " metrics built");
    }

    /** apply and solve of the stochastic metric name a null, short or non-finite argument; M·0 = M⁻¹0 = 0; M̄. */
    @Test
    void stochasticApplyAndSolveNameTheirBadArgument() {
        final StochasticMetric m = StochasticMetric.of(new double[][] {{1, 0, 0}}, new double[][] {{1, 0.5, 0}},
                new double[][] {{1, 0, 0}}, 0.1, 1.0);
        assertEquals(3, m.dimension());
        assertEquals("b must not be null", assertThrows(IllegalArgumentException.class, () -> m.solve(null)).getMessage());
        assertEquals("b has length 2 but ⟨g⟩ has length 3; they must have the same dimension",
                assertThrows(IllegalArgumentException.class, () -> m.solve(new double[] {1, 2})).getMessage());
        assertEquals("b[1] is NaN; entries must be finite",
                assertThrows(IllegalArgumentException.class, () -> m.solve(new double[] {1, Double.NaN, 2})).getMessage());
        assertEquals("x must not be null", assertThrows(IllegalArgumentException.class, () -> m.apply(null)).getMessage());
        assertEquals("x[2] is +Infinity; entries must be finite", assertThrows(IllegalArgumentException.class,
                () -> m.apply(new double[] {1, 2, Double.POSITIVE_INFINITY})).getMessage());
        assertArrayEquals(new double[3], m.solve(new double[3]), 0.0);
        assertArrayEquals(new double[3], m.apply(new double[3]), 0.0);
        // M̄ = M(γ = 1) on the means (1, 0, 0), (1, 1/2, 0): α = ȳᵀȳ/ȳᵀg = 5/4
        assertEquals(1.0, m.baseMetric().gamma(), 0.0);
        assertEquals(1.25, m.baseMetric().alpha(), 0.0);
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
        assertTrue(e.getMessage().contains("may not be positive definite"), e.getMessage());
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

    @Test
    void theExtendedNegativeGradientIsTheNegationBitForBit() {
        // y = −[∇_θL, ∂_tL] is formed as (0.0 − 1.0)·x so that KeY can prove it; the expected
        // value here is Java's own unary minus, compared bit for bit: signed zeros, the
        // subnormal and largest magnitudes and a power of two keep their magnitude, flip their sign.
        final double[] grad = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE,
            -Double.MAX_VALUE, Double.MIN_NORMAL, 0x1.0p-1022 - Double.MIN_VALUE, 3.0, -0x1.fffffffffffffp1023};
        for (double dLdt : grad) {
            final double[] y = TimeVaryingExtension.extendedNegativeGradient(grad, dLdt);
            assertEquals(grad.length + 1, y.length);
            for (int i = 0; i < grad.length; i++) {
                assertEquals(Double.doubleToRawLongBits(-grad[i]), Double.doubleToRawLongBits(y[i]), "entry " + i);
            }
            assertEquals(Double.doubleToRawLongBits(-dLdt), Double.doubleToRawLongBits(y[grad.length]), "∂L/∂t");
        }
    }
}
