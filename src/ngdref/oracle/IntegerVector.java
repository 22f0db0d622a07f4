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
            s = s.add(multiply(a[i], b[i]));
        }
        return s;
    }

    /**
     * a·b, exact, multiplying only the odd parts: a double scaled to an integer has at most 53
     * significant bits followed by up to about 2100 zero bits (entries from 2^-1074 to 2^1023
     * over one common denominator), and BigInteger's own multiply spends quadratic time on those
     * zeros. With the trailing zeros split off, a long integer times such an entry costs time
     * linear in the long one's length (this is what makes the oracle's O(D²) certificates fast on
     * vectors spanning the whole double range).
     */
    static BigInteger multiply(BigInteger a, BigInteger b) {
        final int za = a.getLowestSetBit();
        final int zb = b.getLowestSetBit();
        if (za < 0 || zb < 0) {
            return BigInteger.ZERO;           // a or b is 0
        }
        if (za + zb < 64) {
            return a.multiply(b);
        }
        return a.shiftRight(za).multiply(b.shiftRight(zb)).shiftLeft(za + zb);
    }
}
