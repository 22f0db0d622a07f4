package ngdref.metric;

import ngdref.exact.ExactInnerProducts;
import org.apache.commons.numbers.core.DD;

/**
 * The two inner products of one vector x with the two vectors a, b of a pair, in one fused pass
 * with {@link Dot2}: the mantissas x'ᵀa' and x'ᵀb' of x' = x·2^-ex, a' = a·2^-ea, b' = b·2^-eb,
 * where ea, eb are the pair's scaling exponents ({@link UpdateGeometry#scalingExponent}) and ex
 * is chosen by the same rule. The pass runs unscaled in x first and is repeated only when x has
 * extreme entries; an inner product whose certified relative error exceeds 2^-58 (cancellation)
 * is recomputed exactly. Used by the matrix-free apply and solve.
 */
final class ScaledDots {

    /** Relative accuracy required of each inner product before it is used (as in UpdateGeometry). */
    private static final double CERTIFIED = 0x1.0p-58;

    private final DD first;
    private final DD second;
    private final int exponent;

    private ScaledDots(DD first, DD second, int exponent) {
        this.first = first;
        this.second = second;
        this.exponent = exponent;
    }

    static ScaledDots of(double[] x, double[] a, int ea, double[] b, int eb) {
        final double sa = Math.scalb(1.0, -ea);
        final double sb = Math.scalb(1.0, -eb);
        Dot2 xa = new Dot2();
        Dot2 xb = new Dot2();
        double maxX = 0.0;
        for (int i = 0; i < x.length; i++) {
            final double xi = x[i];
            xa.add(xi, a[i] * sa);
            xb.add(xi, b[i] * sb);
            maxX = Math.max(maxX, Math.abs(xi));
        }
        final int ex = maxX == 0.0 ? 0 : UpdateGeometry.scalingExponent(maxX);
        if (ex != 0) {
            final double sx = Math.scalb(1.0, -ex);
            xa = new Dot2();
            xb = new Dot2();
            for (int i = 0; i < x.length; i++) {
                final double xi = x[i] * sx;
                xa.add(xi, a[i] * sa);
                xb.add(xi, b[i] * sb);
            }
        }
        return new ScaledDots(certified(xa, x, a, ex + ea), certified(xb, x, b, ex + eb), ex);
    }

    /**
     * The accumulated value when its certified relative error is at most 2^-58, else the exact
     * Σ xᵢvᵢ·2^-shift rounded once to double-double. Without this, a cancelling xᵀv (for x = g,
     * yᵀg near ψ = π/2, where UpdateGeometry itself uses the exact value) would leave the
     * coefficient (yᵀx)/(yᵀg) of apply a few ulps away from 1, and Mg a few ulps away from y.
     */
    private static DD certified(Dot2 sum, double[] x, double[] v, int shift) {
        final DD value = sum.value();
        // (an error bound of 0 certifies any value, 0 included)
        if (sum.isFinite() && sum.errorBound() <= CERTIFIED * Math.abs(value.hi())) {
            return value;
        }
        return ExactInnerProducts.dot(x, v, shift);
    }

    DD withFirst() {
        return first;
    }

    DD withSecond() {
        return second;
    }

    int exponent() {
        return exponent;
    }
}
