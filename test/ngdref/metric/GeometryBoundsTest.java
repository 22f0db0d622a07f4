package ngdref.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The certified error bounds of {@link UpdateGeometry} hold, and its fast paths are taken where
 * those bounds allow. Every extended quantity (gᵀg, yᵀy, yᵀg, cos ψ, |sin ψ|, 1 − |sin ψ|,
 * σ = yᵀy/yᵀg, ρ = yᵀg/gᵀg, ‖y‖/‖g‖) claims |value − exact| ≤ error·exact; the rounding test
 * that makes the doubles correctly rounded is only as good as that claim, and a value that is
 * wrong by more than its bound but still far from a rounding boundary would pass every
 * comparison of doubles. So the claim itself is checked, against exact BigDecimal inner products
 * (the squares and square roots to 500 digits), on pairs whose entries span the whole double
 * range, on near-parallel pairs (the residual form of |sin ψ|), on near-orthogonal ones (yᵀg
 * cancels), on Gaussian ones with and without power-of-two scaling, and on pairs of small
 * integers (exact sums: a bound of 0 plus the operations' own).
 *
 * <p>The exact path gives the same doubles, only slower, so which path ran is checked through
 * {@link UpdateGeometry#usedExactInnerProducts()}, deterministically.
 */
class GeometryBoundsTest {

    private static final MathContext MC = new MathContext(500);

    /** The exact value of an extended quantity, m·2^e. */
    private static BigDecimal value(ExtendedDD x) {
        final BigDecimal m = new BigDecimal(x.mantissa().hi()).add(new BigDecimal(x.mantissa().lo()));
        final int e = x.exponent();
        return e >= 0 ? m.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(e)))
                : m.multiply(BigDecimal.valueOf(5).pow(-e)).scaleByPowerOfTen(e);
    }

    private static BigDecimal dot(double[] a, double[] b) {
        BigDecimal s = BigDecimal.ZERO;
        for (int i = 0; i < a.length; i++) {
            s = s.add(new BigDecimal(a[i]).multiply(new BigDecimal(b[i])));
        }
        return s;
    }

    /** |value − exact| ≤ error·|exact|, exact ≠ 0, and error ≥ 0. */
    private static void assertBound(String what, BigDecimal exact, ExtendedDD x, String where) {
        assertTrue(x.error() >= 0.0, () -> what + ": negative error bound " + x.error() + " for " + where);
        final BigDecimal err = value(x).subtract(exact).abs();
        final BigDecimal bound = exact.abs().multiply(new BigDecimal(x.error()));
        assertTrue(err.compareTo(bound) <= 0, () -> what + ": actual relative error "
                + err.divide(exact.abs(), MathContext.DECIMAL64) + " exceeds the certified " + x.error()
                + " for " + where);
    }

    /** Every certified bound of the geometry of (g, y), against exact inner products. */
    private static UpdateGeometry checkBounds(double[] g, double[] y, String where) {
        final UpdateGeometry geo = UpdateGeometry.of(g, y);
        final boolean exactAtConstruction = geo.usedExactInnerProducts();
        final BigDecimal gg = dot(g, g);
        final BigDecimal yy = dot(y, y);
        final BigDecimal yg = dot(y, g);
        final BigDecimal product = yy.multiply(gg);
        final BigDecimal cos = yg.divide(product.sqrt(MC), MC);
        final BigDecimal sinSquared = product.subtract(yg.multiply(yg)).divide(product, MC);
        assertBound("gᵀg", gg, geo.ggX(), where);
        assertBound("yᵀy", yy, geo.yyX(), where);
        assertBound("yᵀg", yg, geo.ygX(), where);
        assertBound("cos ψ", cos, geo.cosX(), where);
        assertBound("σ = yᵀy/yᵀg", yy.divide(yg, MC), geo.sigmaX(), where);
        assertBound("ρ = yᵀg/gᵀg", yg.divide(gg, MC), geo.rhoX(), where);
        assertBound("‖y‖/‖g‖", yy.divide(gg, MC).sqrt(MC), geo.yyX().divide(geo.ggX()).sqrt(), where);
        if (sinSquared.signum() > 0) {
            final BigDecimal sin = sinSquared.sqrt(MC);
            assertBound("|sin ψ|", sin, geo.sinX(), where);
            // 1 − |sin ψ| = cos²ψ/(1 + |sin ψ|): no cancellation in the reference either
            assertBound("1 − |sin ψ|", cos.multiply(cos).divide(BigDecimal.ONE.add(sin), MC), geo.oneMinusSin(), where);
        } else {
            assertTrue(geo.sinX().isZero(), () -> "|sin ψ| of a parallel pair is not 0 for " + where);
        }
        assertEquals(exactAtConstruction, geo.usedExactInnerProducts(), "the checks above read no double");
        return geo;
    }

    private static double[] gaussian(Random r, int d, double scale) {
        final double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = scale * r.nextGaussian();
        }
        return v;
    }

    /** A Gaussian vector made orthogonal to g by one Gram–Schmidt step in double (nearly ⊥ g). */
    private static double[] orthogonalTo(double[] g, Random r) {
        final double[] e = gaussian(r, g.length, 1.0);
        double eg = 0;
        double gg = 0;
        for (int i = 0; i < g.length; i++) {
            eg += e[i] * g[i];
            gg += g[i] * g[i];
        }
        for (int i = 0; i < g.length; i++) {
            e[i] -= eg / gg * g[i];
        }
        return e;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** ±[1, 2)·2^k, k uniform over the whole exponent range (subnormals from k < −1022). */
    private static double wide(Random r) {
        final double v = (1 + r.nextDouble()) * Math.scalb(1.0, r.nextInt(2046) - 1074 + 52) * 0x1.0p-52;
        return r.nextBoolean() ? v : -v;
    }

    /** y with yᵀg > 0 decided exactly: y, or −y (null when yᵀg = 0). */
    private static double[] effective(double[] g, double[] y) {
        final int sign = dot(y, g).signum();
        if (sign == 0) {
            return null;
        }
        if (sign < 0) {
            for (int i = 0; i < y.length; i++) {
                y[i] = -y[i];
            }
        }
        return y;
    }

    @Test
    void boundsHoldWithEntriesOverTheWholeDoubleRange() {
        final Random r = new Random(20261204L);
        int checked = 0;
        for (int t = 0; t < 150; t++) {
            final int d = 2 + r.nextInt(t % 5 == 0 ? 60 : 8);
            final double[] g = new double[d];
            final double[] y = new double[d];
            for (int i = 0; i < d; i++) {
                g[i] = wide(r);
                y[i] = r.nextDouble() < 0.7 ? g[i] * (0.5 + r.nextDouble()) : wide(r);
            }
            if (effective(g, y) != null) {
                checkBounds(g, y, "whole-range case " + t);
                checked++;
            }
        }
        assertTrue(checked > 140, "too few effective whole-range pairs: " + checked);
    }

    @Test
    void gaussianPairsTakeTheFastPathScaledOrNot() {
        final Random r = new Random(7L);
        for (int t = 0; t < 120; t++) {
            final int d = 2 + r.nextInt(t % 4 == 0 ? 200 : 10);
            // scales inside [2^-400, 2^400] (no scaling) and far outside it (the scaled pass)
            final int sg = new int[] {0, 0, 300, -300, 900, -900, 1000, -1000}[t % 8];
            final int sy = new int[] {0, 200, -900, 800, 0, 1000, -950, 700}[(t / 8) % 8];
            final double[] g = gaussian(r, d, Math.scalb(1.0, sg));
            final double[] y = new double[d];
            for (int i = 0; i < d; i++) {
                y[i] = Math.scalb(g[i] * Math.scalb(1.0, -sg) + 0.8 * r.nextGaussian(), sy);
            }
            if (effective(g, y) == null) {
                continue;
            }
            final UpdateGeometry geo = checkBounds(g, y, "Gaussian case " + t + " (2^" + sg + ", 2^" + sy + ")");
            final BigDecimal cos = dot(y, g).divide(dot(y, y).multiply(dot(g, g)).sqrt(MC), MC);
            if (cos.compareTo(new BigDecimal("0.001")) > 0) {
                // no cancellation to speak of: the lanes certify every sum
                assertFalse(geo.usedExactInnerProducts(), "the exact path ran for Gaussian case " + t
                        + " (2^" + sg + ", 2^" + sy + "), cos ψ = " + cos.round(MathContext.DECIMAL32));
            }
        }
    }

    @Test
    void smallAnglesTakeTheResidualFormOfSinPsi() {
        // ψ from 2^-24 (where 1 − cos²ψ no longer certifies |sin ψ| to 2^-58) down to 2^-36 (the
        // residual y − βg still does, with β in double-double): neither branch may fall back to
        // the exact inner products, and the bound must hold.
        final Random r = new Random(11L);
        for (int t = 0; t < 120; t++) {
            final int d = 2 + r.nextInt(t % 3 == 0 ? 100 : 8);
            final int scale = new int[] {0, 0, 600, -700}[t % 4];
            final double[] g = gaussian(r, d, 1.0);
            // y = c·(g + tan ψ·‖g‖·ê) (the exact angle of the stored doubles is what counts), then
            // both scaled by 2^scale
            final double[] e = orthogonalTo(g, r);
            final double angle = Math.scalb(1.0, -24 - r.nextInt(13));
            final double c = 0.3 + r.nextDouble();
            final double step = angle * norm(g) / norm(e);
            final double[] y = new double[d];
            for (int i = 0; i < d; i++) {
                y[i] = Math.scalb(c * (g[i] + step * e[i]), scale);
                g[i] = Math.scalb(g[i], scale);
            }
            if (effective(g, y) == null) {
                continue;
            }
            final String where = "small-angle case " + t + " (ψ ≈ " + angle + ", D = " + d + ", 2^" + scale + ")";
            final UpdateGeometry geo = checkBounds(g, y, where);
            assertFalse(geo.usedExactInnerProducts(), "the exact path ran for " + where);
        }
    }

    @Test
    void nearOrthogonalPairsKeepTheirBounds() {
        // yᵀg cancels: y = e + δ·g with e ⊥ g in double; the certified sums give way to the exact
        // ones when their relative error would exceed 2^-58, and the bounds still hold.
        final Random r = new Random(13L);
        for (int t = 0; t < 80; t++) {
            // mostly short; every fourth long enough that each of the 128 lanes sums many terms
            final int d = t % 4 == 0 ? 1000 + r.nextInt(3000) : 2 + r.nextInt(30);
            final double[] g = gaussian(r, d, 1.0);
            final double[] e = orthogonalTo(g, r);
            final double delta = Math.scalb(1.0, -r.nextInt(60));
            final double[] y = new double[d];
            for (int i = 0; i < d; i++) {
                y[i] = e[i] + delta * g[i];
            }
            if (effective(g, y) != null) {
                checkBounds(g, y, "near-orthogonal case " + t + " (δ = " + delta + ")");
            }
        }
    }

    @Test
    void exactSumsOfSmallIntegersKeepNonNegativeBounds() {
        // Sums that the lanes compute exactly: the only error left is that of the operations.
        final Random r = new Random(17L);
        for (int t = 0; t < 60; t++) {
            final int d = 2 + r.nextInt(12);
            final double[] g = new double[d];
            final double[] y = new double[d];
            for (int i = 0; i < d; i++) {
                g[i] = r.nextInt(9) - 4;
                y[i] = g[i] + r.nextInt(3) - 1;
            }
            g[0] = 3;
            y[0] = 5;
            if (effective(g, y) != null) {
                final UpdateGeometry geo = checkBounds(g, y, "integer case " + t);
                assertFalse(geo.usedExactInnerProducts() && dot(y, g).compareTo(BigDecimal.ONE) > 0,
                        "the exact path ran for integer case " + t);
            }
        }
    }

    @Test
    void scalingStartsOutsideTheClosedSafeInterval() {
        // Entries whose largest magnitude lies in [2^-400, 2^400], ends included, are not scaled.
        assertEquals(0, UpdateGeometry.scalingExponent(0x1.0p400));
        assertEquals(0, UpdateGeometry.scalingExponent(0x1.0p-400));
        assertEquals(0, UpdateGeometry.scalingExponent(1.0));
        assertEquals(400, UpdateGeometry.scalingExponent(Math.nextUp(0x1.0p400)));
        assertEquals(-401, UpdateGeometry.scalingExponent(Math.nextDown(0x1.0p-400)));
        assertEquals(1023, UpdateGeometry.scalingExponent(Double.MAX_VALUE));
        final UpdateGeometry scaled = UpdateGeometry.of(new double[] {0x1.8p1000, 1.0}, new double[] {0x1.0p-900, 0x1.0p-1000});
        assertEquals(1000, scaled.gExponent());
        assertEquals(-900, scaled.yExponent());
        final UpdateGeometry edge = UpdateGeometry.of(new double[] {0x1.0p400, 1.0}, new double[] {0x1.0p-400, 0.0});
        assertEquals(0, edge.gExponent());
        assertEquals(0, edge.yExponent());
    }

    @Test
    void aNonEffectiveUpdateStatesYgAsADoubleInsideTheRangeAndAsAPowerOfTwoOutside() {
        // yᵀg exactly −2^-1074 and −2^1023 print as doubles; −2^-1075 and −2^1024 are not doubles
        assertEquals("not an effective update: yᵀg = -4.9E-324 <= 0 (y = −∇L must have a positive inner"
                + " product with the update g)", refusal(new double[] {0x1.0p-537, 1.0}, new double[] {-0x1.0p-537, 0.0}));
        assertTrue(refusal(new double[] {0x1.0p-537, 1.0}, new double[] {-0x1.0p-538, 0.0})
                .startsWith("not an effective update: yᵀg = -1.0·2^-1075 <= 0"));
        assertTrue(refusal(new double[] {0x1.0p512, 1.0}, new double[] {-0x1.0p511, 0.0})
                .startsWith("not an effective update: yᵀg = -8.98846567431158E307 <= 0"));
        assertTrue(refusal(new double[] {0x1.0p512, 1.0}, new double[] {-0x1.0p512, 0.0})
                .startsWith("not an effective update: yᵀg = -1.0·2^1024 <= 0"));
    }

    private static String refusal(double[] g, double[] y) {
        return assertThrows(IllegalArgumentException.class, () -> UpdateGeometry.of(g, y)).getMessage();
    }
}
