package ngdref.oracle;

import java.math.BigInteger;

/**
 * A rational vector as integers over one common denominator: {@code v = entries/scale}, the
 * form in which the oracle's O(D²) certificates do their arithmetic (no reduction, no gcd; for
 * vectors of doubles the scale is a power of two).
 *
 * @param entries the integer numerators
 * @param scale the common positive denominator
 */
record IntegerVector(BigInteger[] entries, BigInteger scale) {

    /** The exact rational entries {@code v} over their least common denominator. */
    static IntegerVector of(Rational[] v) {
        final BigInteger scale = RationalMatrix.commonDenominator(v);
        return new IntegerVector(RationalMatrix.scaled(v, scale), scale);
    }

    /** The exact vector of the doubles {@code v} (validated: finite, length n). */
    static IntegerVector of(double[] v, String name, int n) {
        return of(MetricIdentities.vector(v, name, n));
    }

    /** The exact integer inner product of the numerators. */
    static BigInteger dot(BigInteger[] a, BigInteger[] b) {
        BigInteger s = BigInteger.ZERO;
        for (int i = 0; i < a.length; i++) {
            s = s.add(a[i].multiply(b[i]));
        }
        return s;
    }
}
