package ngdref.oracle;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The double nearest to an exact decimal, ties to even (IEEE 754 roundTiesToEven), decided by
 * exact comparisons with the midpoints between neighbouring doubles.
 *
 * <p>A quotient of integers only supplies a first candidate; the result is verified
 * (and moved by whole ulps if needed) against the exact midpoints between neighbouring doubles,
 * compared in integers ({@code u/10^s} against {@code K·2^F}: one power of ten and shifts, not
 * the thousand-digit decimal expansions of doubles near the ends of the range), so correctness
 * does not depend on the JDK's conversion. Values of magnitude at least
 * {@code 2^1024 − 2^970} (the midpoint between {@code MAX_VALUE} and {@code 2^1024}) round to
 * infinity, as in IEEE 754; a negative value that rounds to zero gives {@code -0.0}.
 */
public final class NearestDouble {

    private NearestDouble() {
    }

    /**
     * The double nearest to {@code x}, ties to even.
     *
     * @throws IllegalArgumentException if {@code x} is null
     */
    public static double of(BigDecimal x) {
        if (x == null) {
            throw new IllegalArgumentException("x is null");
        }
        final int sign = x.signum();
        if (sign == 0) {
            return 0.0;
        }
        final BigDecimal a = x.abs();
        final Decimal v = new Decimal(a.unscaledValue(), a.scale());
        // 2^1024 − 2^970 = (2^54 − 1)·2^970, the midpoint of MAX_VALUE and 2^1024; at the
        // threshold itself the tie goes to the even neighbour 2^1024, i.e. overflow.
        if (v.compareTo(BigInteger.ONE.shiftLeft(54).subtract(BigInteger.ONE), 970) >= 0) {
            return sign > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        double d = Math.min(v.approximate(), Double.MAX_VALUE);
        // Move down while a is below the lower midpoint, up while above the upper midpoint.
        while (true) {
            if (d > 0) {
                final int c = v.compareToMidpoint(Math.nextDown(d), d);
                if (c < 0) {
                    d = Math.nextDown(d);
                    continue;
                }
                if (c == 0) {
                    d = even(Math.nextDown(d), d);
                    break;
                }
            }
            if (d < Double.MAX_VALUE) {
                final int c = v.compareToMidpoint(d, Math.nextUp(d));
                if (c > 0) {
                    d = Math.nextUp(d);
                    continue;
                }
                if (c == 0) {
                    d = even(d, Math.nextUp(d));
                }
            }
            break;
        }
        return sign > 0 ? d : -d;
    }

    /**
     * A positive decimal {@code u/10^s}, compared exactly with dyadic numbers; an integer
     * (a negative scale) is held with s = 0.
     */
    private static final class Decimal {
        private final BigInteger u;
        /** 10^s, s &gt;= 0, formed once. */
        private final BigInteger power;

        Decimal(BigInteger unscaled, int scale) {
            this.u = scale < 0 ? unscaled.multiply(BigInteger.TEN.pow(-scale)) : unscaled;
            this.power = BigInteger.TEN.pow(Math.max(scale, 0));
        }

        /**
         * A first candidate within a few ulps: the leading 64 bits or so of the quotient u/10^s
         * by one integer division, then scaled (at most two roundings).
         */
        double approximate() {
            final int k = 64 - (u.bitLength() - power.bitLength());
            final BigInteger q = k >= 0 ? u.shiftLeft(k).divide(power) : u.divide(power.shiftLeft(-k));
            return Math.scalb(q.doubleValue(), -k);
        }

        /** The sign of {@code u/10^s − k·2^f}, k &gt;= 0. */
        int compareTo(BigInteger k, int f) {
            BigInteger left = u;
            BigInteger right = k.multiply(power);
            if (f > 0) {
                right = right.shiftLeft(f);
            } else {
                left = left.shiftLeft(-f);
            }
            return left.compareTo(right);
        }

        /**
         * The sign of this minus the midpoint of the adjacent doubles 0 &lt;= lower &lt; upper:
         * with lower = M·2^E and upper = N·2^F (F &gt;= E), the midpoint is
         * (M + N·2^(F−E))·2^(E−1).
         */
        int compareToMidpoint(double lower, double upper) {
            final long lowerBits = Double.doubleToRawLongBits(lower);
            final long upperBits = Double.doubleToRawLongBits(upper);
            final int e = exponent(lowerBits);
            final BigInteger k = BigInteger.valueOf(significand(upperBits)).shiftLeft(exponent(upperBits) - e)
                    .add(BigInteger.valueOf(significand(lowerBits)));
            return compareTo(k, e - 1);
        }

        /** The integer significand M of a non-negative finite double M·2^E. */
        private static long significand(long bits) {
            final long fraction = bits & ((1L << 52) - 1);
            return (bits >>> 52) == 0 ? fraction : fraction | 1L << 52;
        }

        /** The exponent E of a non-negative finite double M·2^E (−1074 for subnormals and 0). */
        private static int exponent(long bits) {
            final int biased = (int) (bits >>> 52);
            return biased == 0 ? -1074 : biased - 1075;
        }
    }

    private static double even(double a, double b) {
        return (Double.doubleToRawLongBits(a) & 1L) == 0 ? a : b;
    }
}
