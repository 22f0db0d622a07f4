package ngdref.metric;

import ngdref.exact.ExactInnerProducts;
import org.apache.commons.numbers.core.DD;

/**
 * The two inner products of one vector x with the two vectors a, b of a pair, in one fused pass
 * with {@link Dot2} in lanes over x' = x·2^-ex, a' = a·2^-ea, b' = b·2^-eb, where ea, eb are the
 * pair's scaling exponents ({@link UpdateGeometry#scalingExponent}) and ex is chosen by the same
 * rule from max|xᵢ|, which the same pass computes. The pass runs unscaled in x first and is
 * repeated only when x has extreme entries. An inner product whose certified relative error
 * exceeds 2^-58 (cancellation, or a scaled product below the normal range) is recomputed
 * exactly. Both are returned as extended values ({@link ExtendedDD}: a normalised mantissa and
 * its own exponent), never as a fixed-scale mantissa, which would lose bits in the subnormal
 * range when xᵀa is far below ‖x‖‖a‖ (a long-run property found Mg off by 5 ulp that way, with
 * yᵀg·2^-(eg+ey) = 2^-1025). Used by the
 * matrix-free apply and solve; the pass also tells them whether x is finite ({@link #maxAbs}),
 * so that x is read only once more (by their output loop).
 */
final class ScaledDots {

    /** Relative accuracy required of each inner product before it is used (as in UpdateGeometry). */
    private static final double CERTIFIED = 0x1.0p-58;
    /** The exact zero. */
    private static final ExtendedDD ZERO = ExtendedDD.of(0.0);
    /** Unit roundoff of binary64. */
    private static final double U = 0x1.0p-53;

    private final ExtendedDD first;
    private final ExtendedDD second;
    private final int exponent;
    private final double maxAbs;
    /** How many of the two products were recomputed exactly (0, 1 or 2); see {@link #exactRecomputations}. */
    private final int exactRecomputations;

    private ScaledDots(ExtendedDD first, ExtendedDD second, int exponent, double maxAbs, int exactRecomputations) {
        this.first = first;
        this.second = second;
        this.exponent = exponent;
        this.maxAbs = maxAbs;
        this.exactRecomputations = exactRecomputations;
    }

    /**
     * The two inner products; x, a, b of the same length, a and b finite. {@code aa} and
     * {@code bb} are a'ᵀa' and b'ᵀb' (the pair's scaled squared norms, certified to 2^-57
     * relative, which the factor 1 + 2^-20 below covers), which bound the lanes' error through Cauchy–Schwarz. When x has a NaN or infinite
     * entry the result has {@link #maxAbs} NaN or ∞ and meaningless products (the caller reports
     * the entry).
     */
    static ScaledDots of(double[] x, double[] a, int ea, double aa, double[] b, int eb, double bb) {
        final double sa = Math.scalb(1.0, -ea);
        final double sb = Math.scalb(1.0, -eb);
        Pass pass = new Pass(x, 1.0, a, sa, b, sb);
        final double maxX = pass.maxX;
        if (!(maxX - maxX == 0.0)) {
            return new ScaledDots(ZERO, ZERO, 0, maxX, 0);
        }
        if (maxX == 0.0) {
            return new ScaledDots(ZERO, ZERO, 0, 0.0, 0); // exact
        }
        final int ex = UpdateGeometry.scalingExponent(maxX);
        if (ex != 0) {
            pass = new Pass(x, Math.scalb(1.0, -ex), a, sa, b, sb);
        }
        // Σ|x'ᵢa'ᵢ| <= ‖x'‖‖a'‖ (Cauchy–Schwarz), with upper bounds of both norms.
        final double normX = Math.sqrt(pass.xxUpperBound());
        final double slack = 1.0 + 0x1.0p-20;
        final boolean laneA = certifies(pass.xa, Dot2.laneErrorBound(x.length, normX * Math.sqrt(aa) * slack));
        final boolean laneB = certifies(pass.xb, Dot2.laneErrorBound(x.length, normX * Math.sqrt(bb) * slack));
        // Each carries its own certified error, not the threshold 2^-58: the coefficients formed
        // from them (ξ of solve) are recomputed exactly when their tracked error exceeds 2^-56,
        // and the threshold would send every mildly cancelling ξ there (an O(D) BigDecimal pass:
        // 216 s instead of 1.3 s for solve at D = 10⁸, measured with JMH).
        final ExtendedDD xa = laneA ? ExtendedDD.of(pass.xa.value(), ex + ea,
                UpdateGeometry.relativeError(pass.xa, pass.xa.value())) : exact(x, a);
        final ExtendedDD xb = laneB ? ExtendedDD.of(pass.xb.value(), ex + eb,
                UpdateGeometry.relativeError(pass.xb, pass.xb.value())) : exact(x, b);
        return new ScaledDots(xa, xb, ex, maxX, (laneA ? 0 : 1) + (laneB ? 0 : 1));
    }

    /** xᵀv exactly, rounded once to a normalised double-double mantissa (error below 2^-104). */
    private static ExtendedDD exact(double[] x, double[] v) {
        final int[] e = new int[1];
        final DD m = ExactInnerProducts.dot(x, v, e);
        return ExtendedDD.of(m, e[0], 0x1.0p-104);
    }

    /**
     * Whether the accumulated value is certified: its relative error (the lanes' a priori bound
     * plus the bound of combining them) is at most 2^-58. If not, the caller takes the exact
     * Σ xᵢvᵢ·2^-shift rounded once to double-double. Without this, a cancelling xᵀv (for x = g,
     * yᵀg near ψ = π/2, where UpdateGeometry itself uses the exact value) would leave the
     * coefficient (yᵀx)/(yᵀg) of apply a few ulps away from 1, and Mg a few ulps away from y.
     */
    private static boolean certifies(Dot2 sum, double laneBound) {
        sum.addErrorBound(laneBound);
        return sum.isFinite() && sum.errorBound() <= CERTIFIED * Math.abs(sum.value().hi());
    }

    /**
     * One pass: (x·sx)ᵀ(a·sa) and (x·sx)ᵀ(b·sb) in {@link Dot2#LANES} lanes, renormalised as in
     * {@link UpdateGeometry}, max|xᵢ| (NaN or ∞ if an entry is) and Σ(xᵢ·sx)² in plain double
     * lanes; sx, sa, sb are powers of two. Chunks are copied into buffers so that every loop
     * indexes its arrays alike and is vectorised.
     */
    private static final class Pass {
        final Dot2 xa;
        final Dot2 xb;
        final double maxX;
        private final double xx;
        private final int length;

        Pass(double[] x, double sx, double[] a, double sa, double[] b, double sb) {
            final int d = x.length;
            final int lanes = Math.min(Dot2.LANES, d); // fewer lanes for small D: less to combine
            final double[] xc = new double[lanes];
            final double[] ac = new double[lanes];
            final double[] bc = new double[lanes];
            final Dot2.Lanes xaLanes = new Dot2.Lanes(lanes);
            final Dot2.Lanes xbLanes = new Dot2.Lanes(lanes);
            final double[] max = new double[lanes];
            final double[] sq = new double[lanes];
            int base = 0;
            while (base < d) {
                final int len = Math.min(lanes, d - base);
                System.arraycopy(x, base, xc, 0, len);
                System.arraycopy(a, base, ac, 0, len);
                System.arraycopy(b, base, bc, 0, len);
                for (int j = 0; j < len; j++) {
                    max[j] = Math.max(max[j], Math.abs(xc[j]));
                }
                if (sx != 1.0) {
                    for (int j = 0; j < len; j++) {
                        xc[j] *= sx;
                    }
                }
                if (sa != 1.0 || sb != 1.0) {
                    for (int j = 0; j < len; j++) {
                        ac[j] *= sa;
                        bc[j] *= sb;
                    }
                }
                for (int j = 0; j < len; j++) {
                    sq[j] += xc[j] * xc[j];
                }
                xaLanes.step(xc, ac, len);
                xbLanes.step(xc, bc, len);
                base += len;
            }
            double m = 0.0;
            double s = 0.0;
            for (int j = 0; j < lanes; j++) {
                m = Math.max(m, max[j]);
                s += sq[j];
            }
            this.xa = xaLanes.sum();
            this.xb = xbLanes.sum();
            this.maxX = m;
            this.xx = s;
            this.length = d;
        }

        /**
         * An upper bound of the exact Σ(xᵢ·sx)²: the computed sum of n = ⌈D/LANES⌉ + LANES + 1
         * rounded nonnegative terms and partial sums is at least (1 − γₙ) times the exact one,
         * so the exact sum is at most (1 + 2nu) times it (nu &lt; 2^-20); 4nu covers the rounding
         * of this bound, and 2^-1040 the squares below the normal range (2^-1075 each).
         */
        double xxUpperBound() {
            final double n = length / Dot2.LANES + Dot2.LANES + 2;
            return xx * (1.0 + 4.0 * n * U) + 0x1.0p-1040;
        }
    }

    /** xᵀa (a certified relative error of at most 2^-58; exact to 2^-104 when recomputed). */
    ExtendedDD first() {
        return first;
    }

    /** xᵀb, as {@link #first}. */
    ExtendedDD second() {
        return second;
    }

    /** The scaling exponent ex of x (0 inside [2^-400, 2^400]). */
    int exponent() {
        return exponent;
    }

    /** max|xᵢ| (NaN or ∞ when x has such an entry). */
    double maxAbs() {
        return maxAbs;
    }

    /**
     * How many of the two inner products the lanes could not certify, so that they were
     * recomputed exactly (0 on the fast path). Observable state for tests: the exact fallback
     * gives the same values, only about 90 times slower at large D, so no value shows it.
     */
    int exactRecomputations() {
        return exactRecomputations;
    }
}
