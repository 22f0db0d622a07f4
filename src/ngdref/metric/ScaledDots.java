package ngdref.metric;

import org.apache.commons.numbers.core.DD;

/**
 * The two inner products of one vector x with the two vectors a, b of a pair, in one fused pass
 * with {@link Dot2}: the mantissas x'ᵀa' and x'ᵀb' of x' = x·2^-ex, a' = a·2^-ea, b' = b·2^-eb,
 * where ea, eb are the pair's scaling exponents ({@link UpdateGeometry#scalingExponent}) and ex
 * is chosen by the same rule. The pass runs unscaled in x first and is repeated only when x has
 * extreme entries. Used by the matrix-free apply and solve.
 */
final class ScaledDots {

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
        return new ScaledDots(xa.value(), xb.value(), ex);
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
