package ngdref.oracle;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The double nearest to an exact decimal, ties to even (IEEE 754 roundTiesToEven), decided by
 * exact comparisons with the midpoints between neighbouring doubles.
 *
 * <p>{@link BigDecimal#doubleValue()} only supplies a first candidate; the result is verified
 * (and moved by whole ulps if needed) against exact BigDecimal midpoints, so correctness does
 * not depend on the JDK's conversion. Values of magnitude at least
 * {@code 2^1024 − 2^970} (the midpoint between {@code MAX_VALUE} and {@code 2^1024}) round to
 * infinity, as in IEEE 754; a negative value that rounds to zero gives {@code -0.0}.
 */
public final class NearestDouble {

    /** {@code 2^1024 − 2^970}: the overflow threshold of round-to-nearest. */
    private static final BigDecimal OVERFLOW = new BigDecimal(
            BigInteger.ONE.shiftLeft(1024).subtract(BigInteger.ONE.shiftLeft(970)));

    /** 1/2, exact: multiplying by it halves a decimal exactly and faster than an exact division. */
    private static final BigDecimal HALF = new BigDecimal("0.5");

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
        if (a.compareTo(OVERFLOW) >= 0) {
            // At the threshold itself the tie goes to the even neighbour 2^1024, i.e. overflow.
            return sign > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        double d = Math.min(a.doubleValue(), Double.MAX_VALUE);
        // Move down while a is below the lower midpoint, up while above the upper midpoint.
        while (true) {
            final BigDecimal exact = new BigDecimal(d);
            if (d > 0) {
                final BigDecimal low = exact.add(new BigDecimal(Math.nextDown(d))).multiply(HALF);
                final int c = a.compareTo(low);
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
                final BigDecimal high = exact.add(new BigDecimal(Math.nextUp(d))).multiply(HALF);
                final int c = a.compareTo(high);
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

    /** Of two adjacent non-negative doubles, the one with an even significand. */
    private static double even(double a, double b) {
        return (Double.doubleToRawLongBits(a) & 1L) == 0 ? a : b;
    }
}
