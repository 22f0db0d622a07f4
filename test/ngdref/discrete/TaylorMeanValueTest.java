package ngdref.discrete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The mean-value parameter λ of the Taylor discrete gradient (Eq. 16), against values derived by
 * hand: ½ for a quadratic loss (its class comment's promise), whether the residual
 * φ''(s) − 2(φ(1) − φ(0) − φ'(0)) is exactly 0 or a constant rounding error; the root of a quartic.
 */
class TaylorMeanValueTest {

    private static final TaylorDiscreteGradient TAYLOR = new TaylorDiscreteGradient();

    /** L(θ) = Σ θᵢ⁴/12: ∇L = θ³/3, ∇²L = diag(θ²). */
    private static final TwiceDifferentiableLoss QUARTIC = new TwiceDifferentiableLoss() {
        @Override
        public double value(double[] t) {
            double s = 0;
            for (double v : t) {
                s += v * v * v * v / 12;
            }
            return s;
        }

        @Override
        public double[] gradient(double[] t) {
            final double[] g = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                g[i] = t[i] * t[i] * t[i] / 3;
            }
            return g;
        }

        @Override
        public double[][] hessian(double[] t) {
            final double[][] h = new double[t.length][t.length];
            for (int i = 0; i < t.length; i++) {
                h[i][i] = t[i] * t[i];
            }
            return h;
        }
    };

    @Test
    void aQuadraticWithAnExactResidualGivesOneHalf() {
        // L = ½θᵀθ, x = (1, 2), x' = (2, 4): p = (1, 2), L(x') − L(x) − ∇L(x)ᵀp = 10 − 2.5 − 5 = 2.5,
        // so the target 5 = pᵀp = φ'' exactly: the residual is 0 at every grid point.
        assertEquals(0.5, TAYLOR.meanValueParameter(new OverflowAndNullTest.HalfSquaredNorm(),
                new double[] {1, 2}, new double[] {2, 4}), 0.0);
    }

    @Test
    void aQuadraticWithARoundedResidualGivesOneHalf() {
        // decimal steps: the target 2(L(x') − L(x) − ∇L(x)ᵀp) carries rounding errors and φ'' = pᵀp
        // does not, so the residual is the same nonzero number at every grid point, with no
        // sign change (the cases whose target happens to round to pᵀp are skipped)
        final OverflowAndNullTest.HalfSquaredNorm loss = new OverflowAndNullTest.HalfSquaredNorm();
        final java.util.Random r = new java.util.Random(5L);
        int rounded = 0;
        for (int t = 0; t < 40; t++) {
            final double[] x = new double[3];
            final double[] xNext = new double[3];
            for (int i = 0; i < 3; i++) {
                x[i] = (r.nextInt(200) - 100) / 100.0;
                xNext[i] = (r.nextInt(200) - 100) / 100.0;
            }
            final double[] p = Vectors.difference(xNext, x);
            final double target = 2.0 * (loss.value(xNext) - loss.value(x) - Vectors.dot(loss.gradient(x), p));
            if (Vectors.dot(p, p) != target) {
                rounded++;
                assertEquals(0.5, TAYLOR.meanValueParameter(loss, x, xNext), 0.0, "case " + t);
            }
        }
        assertTrue(rounded >= 10, "only " + rounded + " cases with a rounded residual");
    }

    @Test
    void aQuarticGivesTheRootOfItsMeanValueEquation() {
        // x = 0, p = (1, 1): φ(s) = s⁴/6, φ''(s) = 2s², target 2(1/6 − 0 − 0) = 1/3: λ = 1/√6
        final double lambda = TAYLOR.meanValueParameter(QUARTIC, new double[] {0, 0}, new double[] {1, 1});
        assertEquals(0.40824829046386301637, lambda, 4e-16);
        // x = (1, 1), p = (−1, −1): φ(s) = (1 − s)⁴/6, φ'' = 2(1 − s)², φ'(0) = −2/3,
        // target 2(0 − 1/6 + 2/3) = 1: λ = 1 − 1/√2
        assertEquals(0.29289321881345247560, TAYLOR.meanValueParameter(QUARTIC, new double[] {1, 1},
                new double[] {0, 0}), 4e-16);
    }

    @Test
    void aCubicGivesOneThirdFromEveryStart() {
        // L(θ) = θ₀³/6 + θ₁²/2 from x = (a, 0) along p = (1, 0): φ''(s) = a + s and
        // 2(φ(1) − φ(0) − φ'(0)) = ((a+1)³ − a³)/3 − a² = a + 1/3, so λ = 1/3 (bisected, 2^-60 wide)
        final TwiceDifferentiableLoss cubic = new TwiceDifferentiableLoss() {
            @Override
            public double value(double[] t) {
                return t[0] * t[0] * t[0] / 6 + t[1] * t[1] / 2;
            }

            @Override
            public double[] gradient(double[] t) {
                return new double[] {t[0] * t[0] / 2, t[1]};
            }

            @Override
            public double[][] hessian(double[] t) {
                return new double[][] {{t[0], 0}, {0, 1}};
            }
        };
        for (double a : new double[] {0.0, 0.25, 2.0, -0.125}) {
            assertEquals(1.0 / 3, TAYLOR.meanValueParameter(cubic, new double[] {a, 0}, new double[] {a + 1, 0}), 1e-15,
                    "a = " + a);
        }
    }

    @Test
    void aRootExactlyOnTheGridIsReturnedAsItIs() {
        // L(θ) = 64·max(0, θ − ¼)³/6 in one dimension, x = 0, x' = 1: φ''(s) = 64·max(0, s − ¼) and
        // the target 2(L(1) − L(0) − L'(0)) = 2·64·(¾)³/6 = 9, all exact in double. The residual
        // 64·max(0, s − ¼) − 9 is −1 at s = 24/64, 0 at s = 25/64 and +1 at 26/64 (the grid has
        // 64 cells): the root 25/64 is a grid point, followed by a nonzero residual.
        final TwiceDifferentiableLoss cubicSpline = new TwiceDifferentiableLoss() {
            @Override
            public double value(double[] t) {
                final double u = Math.max(0.0, t[0] - 0.25);
                return 64 * u * u * u / 6;
            }

            @Override
            public double[] gradient(double[] t) {
                final double u = Math.max(0.0, t[0] - 0.25);
                return new double[] {32 * u * u};
            }

            @Override
            public double[][] hessian(double[] t) {
                return new double[][] {{64 * Math.max(0.0, t[0] - 0.25)}};
            }
        };
        assertEquals(25.0 / 64, TAYLOR.meanValueParameter(cubicSpline, new double[] {0}, new double[] {1}), 0.0);
    }

    @Test
    void aRootTheGridMissesGivesTheGridPointWithTheSmallestResidual() {
        // L''(t) = 1 + t, minus W = 128 on the narrow well (129/256, 130/256) inside one grid cell
        // (the grid points are multiples of 4/256); x = 0, x' = 1. Then L'(0) = 0,
        // L(1) = 1/2 + 1/6 − 128·[(1/256)²/2 + (1/256)(1 − 130/256)] = 2/3 − 253/1024, the target
        // 2(L(1) − L(0) − L'(0)) = 4/3 − 253/512, and at every grid point the residual
        // 1 + s − target = s − 1/3 + 253/512 ≥ 247/1536 > 0: no sign change on the grid (the roots
        // lie in the well), the smallest residual at s = 0, and L''(0) ≠ L''(1), so the documented
        // fallback gives λ = 0 (which does not satisfy (11): the limit of a grid search).
        final double w1 = 129.0 / 256;
        final double w2 = 130.0 / 256;
        final double well = 128;
        final TwiceDifferentiableLoss narrowWell = new TwiceDifferentiableLoss() {
            @Override
            public double value(double[] x) {
                final double t = x[0];
                final double q = t <= w1 ? 0 : t < w2 ? (t - w1) * (t - w1) / 2 : (w2 - w1) * (w2 - w1) / 2 + (w2 - w1) * (t - w2);
                return t * t / 2 + t * t * t / 6 - well * q;
            }

            @Override
            public double[] gradient(double[] x) {
                final double t = x[0];
                final double clip = t <= w1 ? 0 : t < w2 ? t - w1 : w2 - w1;
                return new double[] {t + t * t / 2 - well * clip};
            }

            @Override
            public double[][] hessian(double[] x) {
                final double t = x[0];
                return new double[][] {{1 + t - (t > w1 && t < w2 ? well : 0)}};
            }
        };
        assertEquals(0.0, TAYLOR.meanValueParameter(narrowWell, new double[] {0}, new double[] {1}), 0.0);
    }
}
