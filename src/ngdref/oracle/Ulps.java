package ngdref.oracle;

/**
 * Errors of doubles in ulps, counted as the number of steps between adjacent doubles.
 *
 * <p>{@code between(a, b)} is the number of {@code Math.nextUp} steps from the smaller to the
 * larger ({@code +0.0} and {@code −0.0} count as the same point). {@link #error(double,
 * Enclosure)} measures a computed double against an enclosure of the exact value: the distance
 * to the correctly rounded value when the enclosure decides it, and otherwise certified bounds
 * over every double the exact value could round to (rounding is monotone, so those are exactly
 * the doubles from {@code round(lo)} to {@code round(hi)}).
 */
public final class Ulps {

    private Ulps() {
    }

    /**
     * Certified bounds on an ulp error.
     *
     * @param lower a lower bound on the distance in ulps
     * @param upper an upper bound on the distance in ulps
     */
    public record Error(long lower, long upper) {

        /** Whether the error is known exactly ({@code lower == upper}). */
        public boolean isExact() {
            return lower == upper;
        }
    }

    /**
     * The number of doubles steps between {@code a} and {@code b} (0 if equal); saturates at
     * {@link Long#MAX_VALUE}.
     *
     * @throws IllegalArgumentException if an argument is NaN
     */
    public static long between(double a, double b) {
        if (Double.isNaN(a)) {
            throw new IllegalArgumentException("a is NaN");
        }
        if (Double.isNaN(b)) {
            throw new IllegalArgumentException("b is NaN");
        }
        final long ka = key(a);
        final long kb = key(b);
        final long d = ka - kb;
        // Overflow only when the keys have opposite signs and the true difference exceeds 2^63 - 1.
        if (((ka ^ kb) & (ka ^ d)) < 0) {
            return Long.MAX_VALUE;
        }
        return Math.abs(d);
    }

    /**
     * The error of {@code x} in ulps against the number enclosed by {@code exact}.
     *
     * @throws IllegalArgumentException if {@code x} is NaN or {@code exact} is null
     */
    public static Error error(double x, Enclosure exact) {
        if (exact == null) {
            throw new IllegalArgumentException("exact is null");
        }
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException("x is NaN");
        }
        final double a = exact.loRounded();
        final double b = exact.hiRounded();
        final long da = between(x, a);
        final long db = between(x, b);
        final long lower = key(a) <= key(x) && key(x) <= key(b) ? 0 : Math.min(da, db);
        return new Error(lower, Math.max(da, db));
    }

    /** A long ordered like the doubles, with adjacent doubles one apart; +0.0 and −0.0 map to 0. */
    private static long key(double d) {
        final long bits = Double.doubleToRawLongBits(d);
        return bits >= 0 ? bits : -(bits & Long.MAX_VALUE);
    }
}
