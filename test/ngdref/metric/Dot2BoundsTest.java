package ngdref.metric;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.apache.commons.numbers.core.DD;
import org.junit.jupiter.api.Test;

/**
 * The error bounds of {@link Dot2} hold on ill-conditioned dot products, where its result has
 * few correct bits: |value − Σ aᵢbᵢ| &le; errorBound() for the running accumulator ({@code add},
 * {@code addSquare}), and &le; the combination's bound plus {@link Dot2#laneErrorBound} for the
 * lane form the passes use (long enough to renormalise many times). The exact sums are BigDecimal.
 * The vectors pair each product with one that nearly cancels it, so Σ|aᵢbᵢ|/|Σ aᵢbᵢ| reaches
 * 2^100 and beyond, with magnitudes spread over 2^±60.
 */
class Dot2BoundsTest {

    private static BigDecimal exactDot(double[] a, double[] b) {
        BigDecimal s = BigDecimal.ZERO;
        for (int i = 0; i < a.length; i++) {
            s = s.add(new BigDecimal(a[i]).multiply(new BigDecimal(b[i])));
        }
        return s;
    }

    private static BigDecimal value(DD v) {
        return new BigDecimal(v.hi()).add(new BigDecimal(v.lo()));
    }

    /** Pairs (a, b), (a', −b·(1 + 2^-k)·a/a'): the exact sum is a small fraction of Σ|aᵢbᵢ|. */
    private static double[][] illConditioned(Random r, int n) {
        final double[] a = new double[n];
        final double[] b = new double[n];
        for (int i = 0; i + 1 < n; i += 2) {
            a[i] = Math.scalb(1 + r.nextDouble(), r.nextInt(120) - 60) * (r.nextBoolean() ? 1 : -1);
            b[i] = Math.scalb(1 + r.nextDouble(), r.nextInt(120) - 60);
            a[i + 1] = Math.scalb(1 + r.nextDouble(), r.nextInt(120) - 60);
            b[i + 1] = -a[i] * b[i] / a[i + 1] * (1 + Math.scalb(r.nextDouble(), -r.nextInt(53)));
        }
        if (n % 2 == 1) {
            a[n - 1] = Math.scalb(r.nextDouble(), -100);
            b[n - 1] = 1.0;
        }
        // shuffle, so that cancelling terms land in different lanes and far apart in the chain
        for (int i = n - 1; i > 0; i--) {
            final int j = r.nextInt(i + 1);
            final double ta = a[i];
            a[i] = a[j];
            a[j] = ta;
            final double tb = b[i];
            b[i] = b[j];
            b[j] = tb;
        }
        return new double[][] {a, b};
    }

    private static void assertWithin(DD value, double bound, BigDecimal exact, String where) {
        final BigDecimal err = value(value).subtract(exact).abs();
        assertTrue(bound >= 0.0 && err.compareTo(new BigDecimal(bound)) <= 0, () -> where + ": error "
                + err.round(MathContext.DECIMAL64) + " exceeds the bound " + bound + " (sum "
                + exact.round(MathContext.DECIMAL64) + ")");
    }

    @Test
    void theRunningBoundCoversIllConditionedSums() {
        final Random r = new Random(99L);
        for (int t = 0; t < 300; t++) {
            final int n = 2 + r.nextInt(t % 10 == 0 ? 3000 : 40);
            final double[][] ab = illConditioned(r, n);
            final Dot2 d = new Dot2();
            for (int i = 0; i < n; i++) {
                d.add(ab[0][i], ab[1][i]);
            }
            assertTrue(d.isFinite());
            assertWithin(d.value(), d.errorBound(), exactDot(ab[0], ab[1]), "add, case " + t + " (n = " + n + ")");
        }
    }

    @Test
    void addSquareCoversTheSquaresOfDoubleDoubles() {
        final Random r = new Random(7L);
        for (int t = 0; t < 300; t++) {
            final int n = 1 + r.nextInt(50);
            final Dot2 d = new Dot2();
            BigDecimal exact = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                final double hi = Math.scalb(1 + r.nextDouble(), r.nextInt(200) - 100) * (r.nextBoolean() ? 1 : -1);
                final double lo = Math.ulp(hi) * (r.nextDouble() - 0.5);
                d.addSquare(hi, lo);
                final BigDecimal v = new BigDecimal(hi).add(new BigDecimal(lo));
                exact = exact.add(v.multiply(v));
            }
            assertWithin(d.value(), d.errorBound(), exact, "addSquare, case " + t + " (n = " + n + ")");
        }
    }

    @Test
    void theLaneBoundCoversIllConditionedSumsOverManyRenormalisations() {
        final Random r = new Random(5L);
        for (int t = 0; t < 40; t++) {
            // up to 40 steps per lane: the lanes renormalise every 16
            final int n = 2 + r.nextInt(Dot2.LANES * 40);
            final double[][] ab = illConditioned(r, n);
            final int lanes = Math.min(Dot2.LANES, n);
            final Dot2.Lanes sums = new Dot2.Lanes(lanes);
            final double[] ba = new double[lanes];
            final double[] bb = new double[lanes];
            double sumAbs = 0.0;
            for (int base = 0; base < n; base += lanes) {
                final int len = Math.min(lanes, n - base);
                System.arraycopy(ab[0], base, ba, 0, len);
                System.arraycopy(ab[1], base, bb, 0, len);
                sums.step(ba, bb, len);
                for (int j = 0; j < len; j++) {
                    sumAbs += Math.abs(ba[j] * bb[j]);
                }
            }
            final Dot2 total = sums.sum();
            total.addErrorBound(Dot2.laneErrorBound(n, sumAbs * (1 + 0x1.0p-40)));
            assertWithin(total.value(), total.errorBound(), exactDot(ab[0], ab[1]), "lanes, case " + t + " (n = " + n + ")");
        }
    }

    @Test
    void productsBelowTheSubnormalRangeAreCoveredByTheBound() {
        // 2^-600·2^-600 = 2^-1200 rounds to 0, and so does its TwoProduct error term: the computed
        // sum of 40 of them is 0, the exact one 40·2^-1200, and the bound must cover that (a
        // count of the terms that went the wrong way would make it negative)
        final Dot2 d = new Dot2();
        for (int i = 0; i < 40; i++) {
            d.add(0x1.0p-600, 0x1.0p-600);
        }
        assertTrue(d.value().hi() == 0.0 && d.value().lo() == 0.0);
        final BigDecimal lost = new BigDecimal(0x1.0p-600).pow(2).multiply(BigDecimal.valueOf(40));
        assertTrue(new BigDecimal(d.errorBound()).compareTo(lost) >= 0, "bound " + d.errorBound());
        // and with the terms mixed with normal ones, the error is still within the bound
        final double[] a = new double[40];
        final Dot2 mixed = new Dot2();
        for (int i = 0; i < a.length; i++) {
            a[i] = i % 2 == 0 ? 0x1.0p-600 : 0x1.8p-520;
            mixed.add(a[i], a[i]);
        }
        assertWithin(mixed.value(), mixed.errorBound(), exactDot(a, a), "underflowing and normal products");
    }

    @Test
    void anOverflowingSumIsNotFinite() {
        final Dot2 d = new Dot2();
        d.add(0x1.0p600, 0x1.0p600);
        assertFalse(d.isFinite(), "2^1200 overflowed");
        final Dot2 cancelled = new Dot2();
        cancelled.add(Double.MAX_VALUE, 2.0);
        cancelled.add(-Double.MAX_VALUE, 2.0);
        assertFalse(cancelled.isFinite(), "∞ − ∞ is NaN");
        final Dot2 fine = new Dot2();
        fine.add(0x1.0p500, 0x1.0p500);
        assertTrue(fine.isFinite());
    }
}
