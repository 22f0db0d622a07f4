package ngdref.exact;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.apache.commons.numbers.core.DD;

/**
 * Exact inner products of double vectors, in {@link BigDecimal} (every double is a finite
 * decimal): the fallback of {@code ngdref.metric.UpdateGeometry} when its certified double-double
 * pass cannot guarantee 2^-58 relative accuracy (cancellation in yᵀg near ψ = ±π/2, or sin ψ
 * below what double-double resolves). O(D) BigDecimal operations, used only on those inputs.
 *
 * <p>Kept apart from {@code ngdref.metric} so that the static verifier (KeY, which has no model of
 * {@code java.math}) loads the verified packages with a contract-only stub of this class.
 */
public final class ExactInnerProducts {

    /** Precision of the square root: 40 digits (133 bits), beyond double-double's 106 bits. */
    private static final MathContext ROOT = new MathContext(40);

    private ExactInnerProducts() {
    }

    /**
     * Σ aᵢbᵢ·2^-shift, computed exactly and rounded once to double-double.
     *
     * @param a finite entries (not modified)
     * @param b finite entries, same length as a (not modified)
     * @param shift the power of two to divide by (so that a scaled sum stays in range)
     * @return the rounded sum
     * @throws IllegalArgumentException if a or b is null, their lengths differ or an entry is
     *     not finite
     */
    /*@ public normal_behavior
      @   requires a != null && b != null && a.length == b.length;
      @   requires (\forall int i; 0 <= i && i < a.length; a[i] - a[i] == 0.0 && b[i] - b[i] == 0.0);
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    public static DD dot(double[] a, double[] b, int shift) {
        return DD.from(scalb(exactSum(a, b), -shift));
    }

    /**
     * |sin ψ| for the angle ψ between g and y, from the exact rational
     * sin²ψ = (yᵀy·gᵀg − (yᵀg)²)/(yᵀy·gᵀg), its square root taken to 40 digits, then rounded to
     * double-double.
     *
     * @param g nonzero, finite (not modified)
     * @param y nonzero, finite, same length (not modified)
     * @return |sin ψ| in [0, 1]
     * @throws IllegalArgumentException if g or y is null, zero, has a non-finite entry, or their
     *     lengths differ
     */
    /*@ public normal_behavior
      @   requires g != null && y != null && g.length == y.length;
      @   requires (\forall int i; 0 <= i && i < g.length; g[i] - g[i] == 0.0 && y[i] - y[i] == 0.0);
      @   requires (\exists int i; 0 <= i && i < g.length; g[i] != 0.0);
      @   requires (\exists int i; 0 <= i && i < y.length; y[i] != 0.0);
      @   ensures \result != null && 0.0 <= \result.hi() && \result.hi() <= 1.0;
      @   assignable \nothing;
      @*/
    public static DD sin(double[] g, double[] y) {
        final BigDecimal yy = exactSum(y, y);
        final BigDecimal gg = exactSum(g, g);
        if (yy.signum() == 0 || gg.signum() == 0) {
            throw new IllegalArgumentException((gg.signum() == 0 ? "g" : "y")
                    + " is the zero vector; the angle ψ is undefined");
        }
        final BigDecimal yg = exactSum(y, g);
        final BigDecimal den = yy.multiply(gg);
        final BigDecimal num = den.subtract(yg.multiply(yg));
        if (num.signum() == 0) {
            return DD.ZERO;
        }
        // sin²ψ may lie below the double range while sin ψ does not: the root is taken in 40
        // digits before rounding.
        return DD.from(num.divide(den, ROOT).sqrt(ROOT));
    }

    private static BigDecimal exactSum(double[] a, double[] b) {
        if (a == null || b == null) {
            throw new IllegalArgumentException((a == null ? "a" : "b") + " must not be null");
        }
        if (a.length != b.length) {
            throw new IllegalArgumentException("length mismatch: " + a.length + " != " + b.length);
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) {
                throw new IllegalArgumentException("entry " + i + " is not finite: "
                        + a[i] + ", " + b[i]);
            }
            sum = sum.add(new BigDecimal(a[i]).multiply(new BigDecimal(b[i])));
        }
        return sum;
    }

    /** x·2^k, exactly (2^-k = 5^k·10^-k). */
    private static BigDecimal scalb(BigDecimal x, int k) {
        if (k >= 0) {
            return x.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(k)));
        }
        return x.multiply(new BigDecimal(BigInteger.valueOf(5).pow(-k))).scaleByPowerOfTen(k);
    }
}
