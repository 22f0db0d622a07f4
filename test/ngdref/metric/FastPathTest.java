package ngdref.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * apply, solve and toArray of {@link OneParameterMetric} take their fast double loops on moderate
 * inputs, and their extended-type paths only where the documented conditions say so. Both paths
 * meet the same componentwise bound (checked against exact rationals in ApplySolveBoundProperties),
 * so no value shows which one ran: a fast path that always bailed out would cost time, never
 * accuracy. The paths are therefore checked through the package-private {@code *FastPath}
 * methods, deterministically; speed itself is measured in the JMH benchmarks, never asserted.
 */
class FastPathTest {

    private static double[] gaussian(Random r, int d, double scale) {
        final double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = scale * (r.nextGaussian() + (r.nextBoolean() ? 0.5 : -0.5));
        }
        return v;
    }

    @Test
    void moderateInputsTakeTheFastLoopsAtEveryScale() {
        final Random r = new Random(42L);
        int built = 0;
        for (int t = 0; t < 200; t++) {
            final int d = 2 + r.nextInt(t % 10 == 0 ? 60 : 8);
            // g and y at scales inside and far outside [2^-400, 2^400] (the geometry's scaling)
            final int sg = new int[] {0, 300, -300, 700, -700, 1000, -1000}[t % 7];
            final int sy = new int[] {0, -200, 600, -500, 850, 300, 100}[(t / 7) % 7];
            final double[] g = gaussian(r, d, Math.scalb(1.0, sg));
            final double[] y = new double[d];
            for (int i = 0; i < d; i++) {
                y[i] = Math.scalb(Math.scalb(g[i], -sg) * (0.5 + r.nextDouble()) + 0.3 * r.nextGaussian(), sy);
            }
            final double gamma = Math.pow(10, -3 + 6 * r.nextDouble());
            final OneParameterMetric m;
            try {
                m = OneParameterMetric.ofGamma(g, y, gamma);
            } catch (IllegalArgumentException notEffective) {
                continue;
            }
            built++;
            final String where = "case " + t + " (D = " + d + ", 2^" + sg + ", 2^" + sy + ", γ = " + gamma + ")";
            // x and b at the scales of M's domain and range: Mx = y·(yᵀx/yᵀg) + α(…)
            final double[] x = gaussian(r, d, Math.scalb(1.0, sg));
            final double[] b = gaussian(r, d, Math.scalb(1.0, sy));
            if (Math.abs(sg - sy) > 900) {
                // α ≈ γ·‖y‖/‖g‖ or 1/α below 2^-968: the documented extended path (checked below)
                continue;
            }
            final double[] fastMx = m.applyFastPath(x);
            assertNotNull(fastMx, "apply took the extended path for " + where);
            assertArrayEquals(m.apply(x), fastMx, 0.0, where);
            final double[] fastSolve = m.solveFastPath(b);
            assertNotNull(fastSolve, "solve took the extended path for " + where);
            assertArrayEquals(m.solve(b), fastSolve, 0.0, where);
            if (Math.abs(sg - sy) <= 600 && d <= 20) {
                // entries y'ᵢy'ⱼ/yᵀg and α·g'ᵢg'ⱼ/gᵀg of moderate size: the double loop
                final double[][] fast = m.toArrayFastPath();
                assertNotNull(fast, "toArray took the extended path for " + where);
                final double[][] full = m.toArray();
                for (int i = 0; i < d; i++) {
                    assertArrayEquals(full[i], fast[i], 0.0, where + ", row " + i);
                }
            }
        }
        assertTrue(built > 150, "only " + built + " metrics built");
    }

    @Test
    void coefficientsOutsideTheNormalRangeTakeTheExtendedPath() {
        final double[] g = {1.0, 2.0, -0.5};
        final double[] y = {1.5, 1.0, 0.25};
        // α = 1.5·2^1023 is outside [2^-968, 2^1023): every loop that multiplies by α bails out
        final OneParameterMetric huge = OneParameterMetric.ofAlpha(g, y, 0x1.8p1023);
        assertNull(huge.applyFastPath(new double[] {1, 0, 0}));
        assertNull(huge.toArrayFastPath());
        // 1/α below 2^-968: solve's loop bails out too
        assertNull(huge.solveFastPath(new double[] {1, 0, 0}));
        // the extended path answers, or refuses by name: M·(2, 0, 0) = 2·[y₁·y/(yᵀg) + α(e₁ − g₁·g/gᵀg)]
        // has first component 2α(1 − 1/5.25) + 2·1.5²/3.375 ≈ 2.43·2^1023, beyond the largest double
        final ArithmeticException e = org.junit.jupiter.api.Assertions.assertThrows(ArithmeticException.class,
                () -> huge.apply(new double[] {2, 0, 0}));
        assertTrue(e.getMessage().startsWith("(M·x)[0] = "), e.getMessage());
        // α = 2^-1000: apply's loop bails out (α below 2^-968); the extended path gives the same
        // values as the hand-derived M·x = y·(yᵀx/yᵀg) + α(x − g·gᵀx/gᵀg) to within the bound
        final OneParameterMetric tiny = OneParameterMetric.ofAlpha(g, y, 0x1.0p-1000);
        assertNull(tiny.applyFastPath(new double[] {1, 0, 0}));
        final double[] mx = tiny.apply(new double[] {1, 0, 0});
        // yᵀx/yᵀg = 1.5/3.375; the α term is 2^-1000·(…), far below half an ulp of these
        assertEquals(1.5 * 1.5 / 3.375, mx[0], Math.ulp(mx[0]));
        assertEquals(1.5 * 1.0 / 3.375, mx[1], Math.ulp(mx[1]));
        assertEquals(1.5 * 0.25 / 3.375, mx[2], Math.ulp(mx[2]));
    }
}
