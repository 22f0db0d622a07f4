package ngdref.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.apache.commons.numbers.core.DD;
import org.junit.jupiter.api.Test;

/**
 * The fused pass of apply and solve ({@link ScaledDots}) takes its fast path: on well-conditioned
 * inputs both inner products come from the lanes, certified, and are not recomputed exactly.
 * The exact fallback returns the same values (so no value can show which path ran), only about
 * 90 times slower at D = 10⁶; the path is therefore checked through
 * {@link ScaledDots#exactRecomputations()}, deterministically, never by timing (speed is measured
 * in the JMH benchmarks). Values are checked against exact BigDecimal sums.
 */
class ScaledDotsTest {

    private static BigDecimal exactDot(double[] a, double[] b) {
        BigDecimal s = BigDecimal.ZERO;
        for (int i = 0; i < a.length; i++) {
            s = s.add(new BigDecimal(a[i]).multiply(new BigDecimal(b[i])));
        }
        return s;
    }

    private static double sumOfSquares(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return s;
    }

    /** |value − exact| ≤ 2^-58·|exact|, the accuracy ScaledDots certifies (exact: Σ xᵢvᵢ·2^-shift). */
    private static void assertCertified(BigDecimal exact, DD value, String what) {
        final BigDecimal v = new BigDecimal(value.hi()).add(new BigDecimal(value.lo()));
        final BigDecimal err = v.subtract(exact).abs();
        final BigDecimal bound = exact.abs().multiply(new BigDecimal(0x1.0p-58));
        assertTrue(err.compareTo(bound) <= 0, () -> what + ": error " + err.round(MathContext.DECIMAL64)
                + " exceeds 2^-58·|exact| = " + bound.round(MathContext.DECIMAL64));
    }

    private static double[] gaussian(Random r, int d, double scale) {
        final double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = scale * r.nextGaussian();
        }
        return v;
    }

    @Test
    void wellConditionedProductsTakeTheLanePathAtLargeDimension() {
        // D = 10⁵ + 3 Gaussian entries, a and b tilted toward ±x so that xᵀa ≈ 0.01·D and
        // xᵀb ≈ −0.02·D, against Σ|xᵢaᵢ| ≈ 0.64·D and Σ|xᵢbᵢ| ≈ 1.9·D: condition numbers of about
        // 60 and 100, far inside what the lanes certify (their bound is about 2^-100·Σ|xᵢvᵢ|).
        final int d = 100_003;
        final Random r = new Random(17);
        final double[] x = gaussian(r, d, 1.0);
        final double[] a = gaussian(r, d, 1.0);
        final double[] b = gaussian(r, d, 3.0);
        for (int i = 0; i < d; i++) {
            a[i] += 0.01 * x[i];
            b[i] -= 0.02 * x[i];
        }
        final ScaledDots dots = ScaledDots.of(x, a, 0, sumOfSquares(a), b, 0, sumOfSquares(b));
        assertEquals(0, dots.exactRecomputations(), "both products should be certified by the lanes");
        assertEquals(0, dots.exponent());
        assertCertified(exactDot(x, a), dots.first().scaled(0), "xᵀa");
        assertCertified(exactDot(x, b), dots.second().scaled(0), "xᵀb");
    }

    /**
     * Each product carries its own certified error, which bounds its actual error and is far
     * below the threshold 2^-58 on well-conditioned input. solve recomputes its coefficient ξ from
     * exact inner products when ξ's tracked error exceeds 2^-56; with the threshold carried as
     * the error (as before 2026-12-03) every ξ that cancelled by a factor of 2 or more went there:
     * solve on independent Gaussian vectors took 216 s at D = 10⁸ instead of about 1.3 s (JMH).
     */
    @Test
    void eachProductCarriesItsOwnCertifiedErrorNotTheThreshold() {
        final int d = 100_003;
        final Random r = new Random(19);
        final double[] x = gaussian(r, d, 1.0);
        final double[] a = gaussian(r, d, 1.0);
        final double[] b = gaussian(r, d, 1.0);
        final ScaledDots dots = ScaledDots.of(x, a, 0, sumOfSquares(a), b, 0, sumOfSquares(b));
        assertEquals(0, dots.exactRecomputations());
        final ExtendedDD[] products = {dots.first(), dots.second()};
        final BigDecimal[] exact = {exactDot(x, a), exactDot(x, b)};
        for (int k = 0; k < 2; k++) {
            final double error = products[k].error();
            assertTrue(error <= 0x1.0p-70, "tracked error 2^" + Math.getExponent(error) + " of a product with"
                    + " condition number about √D: the lanes certify about 2^-75 here");
            final DD v = products[k].scaled(0);
            final BigDecimal actual = new BigDecimal(v.hi()).add(new BigDecimal(v.lo())).subtract(exact[k]).abs();
            assertTrue(actual.compareTo(exact[k].abs().multiply(new BigDecimal(error))) <= 0,
                    "the tracked error " + error + " does not bound the actual one");
        }
    }

    @Test
    void extremeEntriesAreRescaledAndStillTakeTheLanePath() {
        // max|xᵢ| ≈ 2^600 is outside [2^-400, 2^400]: the pass is repeated on x·2^-ex.
        final int d = 3 * Dot2.LANES + 7;
        final Random r = new Random(18);
        final double[] x = gaussian(r, d, 0x1.0p600);
        final double[] a = gaussian(r, d, 1.0);
        final double[] b = gaussian(r, d, 1.0);
        a[0] = 1e3 * Math.signum(x[0]);   // keep both products away from cancellation
        b[1] = 1e3 * Math.signum(x[1]);
        final ScaledDots dots = ScaledDots.of(x, a, 0, sumOfSquares(a), b, 0, sumOfSquares(b));
        final int ex = dots.exponent();
        assertEquals(Math.getExponent(maxAbs(x)), ex);
        assertEquals(0, dots.exactRecomputations());
        final BigDecimal scale = new BigDecimal(Math.scalb(1.0, -ex));
        assertCertified(exactDot(x, a).multiply(scale), dots.first().scaled(ex), "xᵀa·2^-ex");
        assertCertified(exactDot(x, b).multiply(scale), dots.second().scaled(ex), "xᵀb·2^-ex");
    }

    @Test
    void cancellingProductIsRecomputedExactly() {
        // xᵀa cancels to 2^-60 of Σ|xᵢaᵢ|: beyond what the lanes certify, so it is recomputed
        // (and exact); xᵀb does not cancel and stays on the lanes.
        final int d = 2 * Dot2.LANES + 3;
        final Random r = new Random(19);
        final double[] x = gaussian(r, d, 1.0);
        final double[] a = new double[d];
        final double[] b = gaussian(r, d, 1.0);
        b[0] = 1e3 * Math.signum(x[0]);
        for (int i = 0; i + 1 < d; i += 2) {
            a[i] = x[i + 1];
            a[i + 1] = -x[i];   // xᵢaᵢ + xᵢ₊₁aᵢ₊₁ = 0 exactly
        }
        x[d - 1] = 1.0;
        a[d - 1] = 0x1.0p-60;
        final ScaledDots dots = ScaledDots.of(x, a, 0, sumOfSquares(a), b, 0, sumOfSquares(b));
        assertEquals(1, dots.exactRecomputations());
        assertEquals(0x1.0p-60, dots.first().scaled(0).hi());
        assertEquals(0.0, dots.first().scaled(0).lo());
        assertCertified(exactDot(x, b), dots.second().scaled(0), "xᵀb");
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
