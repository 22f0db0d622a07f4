package ngdref.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.function.DoubleSupplier;
import ngdref.oracle.Enclosure;
import ngdref.oracle.NearestDouble;
import org.apache.commons.numbers.core.DD;
import org.junit.jupiter.api.Test;

/**
 * The lane form of Dot2 (the vectorised fused passes of UpdateGeometry, apply and solve) against
 * exact BigDecimal sums on adversarial inputs: huge cancellation, entries near 1e±300, lengths
 * that are not multiples of the lane count or of the renormalisation period, and the input
 * validation that the fused pass now performs.
 */
class LaneKernelTest {

    /** Lengths around the lane count and the renormalisation period (in entries). */
    private static final int[] LENGTHS = {
        2, 3, Dot2.LANES - 1, Dot2.LANES, Dot2.LANES + 1, 2 * Dot2.LANES + 3,
        Dot2.LANES * Dot2.RENORMALIZE_EVERY - 1, Dot2.LANES * Dot2.RENORMALIZE_EVERY,
        Dot2.LANES * Dot2.RENORMALIZE_EVERY + 1, 3 * Dot2.LANES * Dot2.RENORMALIZE_EVERY + 77,
    };

    private static BigDecimal exactDot(double[] a, double[] b) {
        BigDecimal s = BigDecimal.ZERO;
        for (int i = 0; i < a.length; i++) {
            s = s.add(new BigDecimal(a[i]).multiply(new BigDecimal(b[i])));
        }
        return s;
    }

    private static BigDecimal exactAbsDot(double[] a, double[] b) {
        BigDecimal s = BigDecimal.ZERO;
        for (int i = 0; i < a.length; i++) {
            s = s.add(new BigDecimal(a[i]).multiply(new BigDecimal(b[i])).abs());
        }
        return s;
    }

    /** Runs the lane form exactly as the fused passes do (copy a chunk, step, combine). */
    private static Dot2 lanes(double[] a, double[] b) {
        final int lanes = Dot2.LANES;
        final double[] ab = new double[lanes];
        final double[] bb = new double[lanes];
        final Dot2.Lanes sum = new Dot2.Lanes(lanes);
        for (int base = 0; base < a.length; base += lanes) {
            final int len = Math.min(lanes, a.length - base);
            System.arraycopy(a, base, ab, 0, len);
            System.arraycopy(b, base, bb, 0, len);
            sum.step(ab, bb, len);
        }
        return sum.sum();
    }

    /** The certified bound holds and the value is as accurate as double-double should be. */
    private static void checkBound(double[] a, double[] b, String what) {
        final Dot2 sum = lanes(a, b);
        final BigDecimal exact = exactDot(a, b);
        final double sumAbs = exactAbsDot(a, b).doubleValue() * (1 + 0x1.0p-50);
        sum.addErrorBound(Dot2.laneErrorBound(a.length, sumAbs));
        final DD v = sum.value();
        final BigDecimal err = new BigDecimal(v.hi()).add(new BigDecimal(v.lo())).subtract(exact).abs();
        assertTrue(err.compareTo(new BigDecimal(sum.errorBound())) <= 0,
                () -> what + ": error " + err + " exceeds the bound " + sum.errorBound());
        // The bound itself is tiny: at most 2^-70 of Σ|aᵢbᵢ| (plus the underflow term).
        assertTrue(sum.errorBound() <= 0x1.0p-70 * sumAbs + 0x1.0p-1000, what + ": bound too loose");
    }

    @Test
    void laneSumsMeetTheirBoundOnRandomAndCancellingInputs() {
        final Random r = new Random(11);
        for (int d : LENGTHS) {
            final double[] a = new double[d];
            final double[] b = new double[d];
            for (int i = 0; i < d; i++) {
                a[i] = r.nextGaussian() * Math.scalb(1.0, r.nextInt(60) - 30);
                b[i] = r.nextGaussian() * Math.scalb(1.0, r.nextInt(60) - 30);
            }
            checkBound(a, b, "random, D = " + d);
            checkBound(a, a, "squares, D = " + d);
            // Huge cancellation: pairs +x·y, −x·y with a tiny remainder in the last entry.
            final double[] c = new double[d];
            final double[] e = new double[d];
            for (int i = 0; i + 1 < d; i += 2) {
                c[i] = a[i] * 0x1.0p40;
                e[i] = b[i];
                c[i + 1] = -c[i];
                e[i + 1] = b[i];
            }
            c[d - 1] = 0x1.0p-40;
            e[d - 1] = 1.0;
            checkBound(c, e, "cancellation, D = " + d);
        }
    }

    @Test
    void laneSumsKeepTinyAndHugeTermsAcrossLanes() {
        // 1e16-sized terms in one lane, 1 in the next, −1e16 in a third: exact result 1 per triple.
        final int d = 5 * Dot2.LANES + 3;
        final double[] a = new double[d];
        final double[] b = new double[d];
        for (int i = 0; i + 2 < d; i += 3) {
            a[i] = 1e16;
            a[i + 1] = 1.0;
            a[i + 2] = -1e16;
            b[i] = 1.0;
            b[i + 1] = 1.0;
            b[i + 2] = 1.0;
        }
        final Dot2 sum = lanes(a, b);
        assertEquals(exactDot(a, b).doubleValue(), sum.value().doubleValue());
        checkBound(a, b, "1e16, 1, -1e16");
    }

    /**
     * UpdateGeometry promises correctly rounded cos ψ, gᵀg and yᵀg (its javadoc): each must be
     * exactly the double nearest to the exact value, decided independently from exact BigDecimal
     * inner products with the oracle's certified arithmetic ({@code Enclosure}, {@code NearestDouble}).
     * Where the exact value lies outside the double range the accessor must refuse it instead.
     */
    @Test
    void geometryIsCorrectlyRoundedAtEveryLengthAndScale() {
        final Random r = new Random(5);
        for (int d : LENGTHS) {
            for (int scale : new int[] {0, 450, -450, 990, -990}) {
                final double[] g = new double[d];
                final double[] y = new double[d];
                for (int i = 0; i < d; i++) {
                    g[i] = Math.scalb(r.nextGaussian(), scale);
                    y[i] = g[i] + Math.scalb(0.7 * r.nextGaussian(), scale);
                }
                if (exactDot(y, g).signum() <= 0) {
                    continue;
                }
                final UpdateGeometry geo = UpdateGeometry.of(g, y);
                final String what = "D = " + d + ", scale 2^" + scale;
                final BigDecimal gg = exactDot(g, g);
                final BigDecimal yg = exactDot(y, g);
                // cos ψ = yᵀg/(√(yᵀy)·√(gᵀg)) enclosed by the oracle's outward-rounded arithmetic
                final OptionalDouble cos = Enclosure.point(yg)
                        .divide(Enclosure.point(exactDot(y, y)).sqrt().multiply(Enclosure.point(gg).sqrt()))
                        .correctlyRounded();
                assertTrue(cos.isPresent(), what + ": the oracle could not decide cos ψ");
                assertEquals(cos.getAsDouble(), geo.cosPsi(), 0.0, what + ": cos ψ");
                assertCorrectlyRounded(gg, geo::gDotG, what + ": gᵀg");
                assertCorrectlyRounded(yg, geo::yDotG, what + ": yᵀg");
            }
        }
    }

    /** The accessor returns the double nearest to exact, or refuses when that is 0 or ∞. */
    private static void assertCorrectlyRounded(BigDecimal exact, DoubleSupplier accessor, String what) {
        final double nearest = NearestDouble.of(exact);
        if (nearest == 0.0 || Double.isInfinite(nearest)) {
            final ArithmeticException e = assertThrows(ArithmeticException.class, accessor::getAsDouble, what);
            assertTrue(e.getMessage().contains(nearest == 0.0 ? "underflows" : "overflows"), what + ": " + e.getMessage());
        } else {
            assertEquals(nearest, accessor.getAsDouble(), 0.0, what);
        }
    }

    @Test
    void nearlyOrthogonalPairAtLargeDimensionIsDecidedCorrectly() {
        // yᵀg = 2^-30·‖y‖‖g‖-ish after heavy cancellation over 10^5 entries.
        final int d = 100_003;
        final Random r = new Random(3);
        final double[] g = new double[d];
        final double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            g[i] = r.nextGaussian();
            y[i] = r.nextGaussian();
        }
        // Make yᵀg tiny and positive: remove its projection in the last coordinate.
        final BigDecimal yg = exactDot(y, g).subtract(new BigDecimal(y[d - 1]).multiply(new BigDecimal(g[d - 1])));
        g[d - 1] = 1.0;
        y[d - 1] = -yg.doubleValue() + 0x1.0p-20;
        final BigDecimal exact = exactDot(y, g);
        assertTrue(exact.signum() > 0);
        final UpdateGeometry geo = UpdateGeometry.of(g, y);
        assertTrue(Math.abs(exact.doubleValue() - geo.yDotG()) <= Math.ulp(exact.doubleValue()));
    }

    private static void fails(Runnable call, String fragment) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(fragment), () -> "\"" + e.getMessage() + "\" lacks \"" + fragment + "\"");
    }

    @Test
    void theFusedPassValidatesLikeInputs() {
        final int d = 3 * Dot2.LANES + 5;
        final double[] g = new double[d];
        final double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            g[i] = 1.0 + i;
            y[i] = 1.0;
        }
        for (int at : new int[] {0, Dot2.LANES, d - 1}) {
            final double[] bad = g.clone();
            bad[at] = Double.NaN;
            fails(() -> UpdateGeometry.of(bad, y), "g[" + at + "] is NaN");
            final double[] inf = y.clone();
            inf[at] = Double.NEGATIVE_INFINITY;
            fails(() -> UpdateGeometry.of(g, inf), "y[" + at + "] is -Infinity");
            // A NaN in y and a huge finite entry in g: g is checked first, then y.
            final double[] huge = g.clone();
            huge[at] = 1e300;
            fails(() -> UpdateGeometry.of(huge, bad), "y[" + at + "] is NaN");
        }
        fails(() -> UpdateGeometry.of(new double[d], y), "g is the zero vector");
        fails(() -> UpdateGeometry.of(g, new double[d]), "y is the zero vector");
        // Entries whose squares underflow to 0 are not a zero vector.
        final double[] tiny = new double[d];
        tiny[d - 1] = 1e-320;
        final double[] tinyY = new double[d];
        tinyY[d - 1] = 3e-320;
        assertEquals(1.0, UpdateGeometry.of(tiny, tinyY).cosPsi());

        final OneParameterMetric m = OneParameterMetric.optimal(g, y);
        final double[] x = y.clone();
        x[d - 2] = Double.POSITIVE_INFINITY;
        fails(() -> m.apply(x), "x[" + (d - 2) + "] is +Infinity");
        fails(() -> m.solve(x), "b[" + (d - 2) + "] is +Infinity");
        fails(() -> m.apply(new double[d - 1]), "x has length " + (d - 1));
        final double[] shortNaN = new double[d - 1];
        shortNaN[0] = Double.NaN;
        fails(() -> m.apply(shortNaN), "x[0] is NaN");
    }

    @Test
    void applyAndSolveWithExtremeVectorsAtLengthsAroundTheLaneCount() {
        final Random r = new Random(9);
        for (int d : LENGTHS) {
            final double[] g = new double[d];
            final double[] y = new double[d];
            final double[] x = new double[d];
            for (int i = 0; i < d; i++) {
                g[i] = r.nextGaussian();
                y[i] = g[i] + 0.3 * r.nextGaussian();
                x[i] = 1e-300 * r.nextGaussian();
            }
            if (exactDot(y, g).signum() <= 0) {
                continue;
            }
            final OneParameterMetric m = OneParameterMetric.optimal(g, y);
            // M·g = y and M⁻¹·y = g, also with x scaled to 1e±300 (the scaled second pass).
            final double[] mg = m.apply(g);
            final double[] gy = m.solve(y);
            final double alpha = m.alpha();
            for (int i = 0; i < d; i++) {
                // apply's documented bound; solve(y) = g to a few ulps of g (plus the α-weighted
                // y-component that a rounded t·y leaves, relative 2^-100).
                assertEquals(y[i], mg[i], 0x1.0p-51 * Math.abs(y[i]) + alpha * 0x1.0p-100 * Math.abs(g[i]),
                        "Mg = y, D = " + d);
                assertEquals(g[i], gy[i], 0x1.0p-51 * Math.abs(g[i]) + 0x1.0p-100 * Math.abs(y[i]) / alpha,
                        "M⁻¹y = g, D = " + d);
            }
            final double[] z = m.solve(m.apply(x));
            final double[] big = new double[d];
            for (int i = 0; i < d; i++) {
                big[i] = x[i] * 1e300 * 1e300;
            }
            final double[] zBig = m.solve(m.apply(big));
            double scale = 0;
            for (int i = 0; i < d; i++) {
                scale = Math.max(scale, Math.abs(x[i]));
            }
            for (int i = 0; i < d; i++) {
                assertEquals(x[i], z[i], 0x1.0p-40 * scale, "M⁻¹Mx = x at 1e-300, D = " + d);
                assertEquals(big[i], zBig[i], 0x1.0p-40 * scale * 1e300 * 1e300, "M⁻¹Mx = x at 1e300, D = " + d);
            }
        }
    }

    /**
     * apply(x) when xᵀg or xᵀy cancels: the coefficients c1 = yᵀx/yᵀg and c2 = gᵀx/gᵀg come from
     * certified lane sums or, when their certified error is too large, from the exact fallback;
     * either way every entry of Mx = c1·y + α(x − c2·g) is within 4u of the terms' magnitudes
     * |c1·yᵢ| + α|xᵢ − c2·gᵢ| (exact coefficients, BigDecimal) plus c2's certified error, also
     * after heavy cancellation.
     */
    @Test
    void applyIsAccurateWhenTheInnerProductsOfXCancel() {
        final MathContext mc = new MathContext(40);
        final Random r = new Random(17);
        final int d = 3 * Dot2.LANES * Dot2.RENORMALIZE_EVERY + 77;
        final double[] g = new double[d];
        final double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            g[i] = r.nextGaussian();
            y[i] = g[i] + 0.5 * r.nextGaussian();
        }
        final double alpha = 0.75;
        final OneParameterMetric m = OneParameterMetric.ofAlpha(g, y, alpha);
        final BigDecimal yg = exactDot(y, g);
        final BigDecimal gg = exactDot(g, g);
        // 0: no cancellation; 1, 2: gᵀx cancels mildly / completely; 3: yᵀx cancels completely.
        for (int mode = 0; mode < 4; mode++) {
            final double[] x = new double[d];
            for (int i = 0; i < d; i++) {
                x[i] = r.nextGaussian();
            }
            final double[] v = mode == 3 ? y : g;
            if (mode > 0) {
                final BigDecimal rest = exactDot(x, v).subtract(new BigDecimal(x[d - 1]).multiply(new BigDecimal(v[d - 1])));
                x[d - 1] = -rest.divide(new BigDecimal(v[d - 1]), mc).doubleValue();
                if (mode == 1) {
                    x[d - 1] += 0x1.0p-20 * Math.sqrt(d);
                }
            }
            final BigDecimal c1 = exactDot(y, x).divide(yg, mc);
            final BigDecimal c2 = exactDot(g, x).divide(gg, mc);
            final BigDecimal a = new BigDecimal(alpha);
            final double[] mx = m.apply(x);
            for (int i = 0; i < d; i++) {
                final BigDecimal first = c1.multiply(new BigDecimal(y[i]));
                final BigDecimal w = new BigDecimal(x[i]).subtract(c2.multiply(new BigDecimal(g[i])));
                final BigDecimal exact = first.add(a.multiply(w));
                // 4u of the two terms, plus the certified 2^-58 error of the double-double c2
                // (with margin) carried by c2·gᵢ when xᵢ − c2·gᵢ cancels.
                final double bound = 4 * 0x1.0p-53 * (first.abs().doubleValue() + alpha * w.abs().doubleValue())
                        + alpha * 0x1.0p-56 * c2.multiply(new BigDecimal(g[i])).abs().doubleValue();
                final double err = new BigDecimal(mx[i]).subtract(exact).abs().doubleValue();
                assertTrue(err <= bound, "mode " + mode + ", entry " + i + ": error " + err + " > " + bound);
            }
        }
    }

    /**
     * Mg = y when yᵀg cancels beyond double-double (cos ψ &lt; 2^-90): UpdateGeometry then uses the
     * exact yᵀg, and apply's coefficient (yᵀx)/(yᵀg) at x = g must use the exact value too (the
     * exact fallback of ScaledDots, taken because the lanes' certified error, about 2^-97·‖y‖‖g‖,
     * is far above 2^-58·|yᵀg|); a lane value would leave it far from 1.
     */
    @Test
    void applyMapsGToYWhenYTransposeGCancelsBeyondDoubleDouble() {
        final Random r = new Random(23);
        final int d = 2 * Dot2.LANES * Dot2.RENORMALIZE_EVERY + 1;
        final double[] g = new double[d];
        final double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            g[i] = r.nextGaussian();
            y[i] = r.nextGaussian();
        }
        // Cancel yᵀg in two steps: y[d-2] (with g[d-2] = 1) removes all but the rounding error of
        // the rest, y[d-1] (with g[d-1] = 2^-60) all but the rounding error of that.
        g[d - 2] = 1.0;
        g[d - 1] = 0x1.0p-60;
        y[d - 2] = 0.0;
        y[d - 1] = 0.0;
        y[d - 2] = -exactDot(y, g).doubleValue();
        y[d - 1] = exactDot(y, g).negate().doubleValue() * 0x1.0p60;
        while (exactDot(y, g).signum() <= 0) {
            y[d - 1] = Math.nextUp(y[d - 1]);
        }
        final double cos = exactDot(y, g).doubleValue() / Math.sqrt(exactDot(y, y).doubleValue() * exactDot(g, g).doubleValue());
        assertTrue(cos > 0.0 && cos < 0x1.0p-90, "the pair must cancel beyond double-double: cos ψ = " + cos);
        final double alpha = 1.0;
        final double[] mg = OneParameterMetric.ofAlpha(g, y, alpha).apply(g);
        for (int i = 0; i < d; i++) {
            assertEquals(y[i], mg[i], 0x1.0p-51 * Math.abs(y[i]) + alpha * 0x1.0p-100 * Math.abs(g[i]),
                    "(Mg)[" + i + "] = y[" + i + "]");
        }
    }
}
