package ngdref.exact;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Correct rounding (round-half-even) of a positive real number known only through exact
 * comparisons with dyadic rationals: the one rounding step of every exact fallback of the
 * library ({@link ExactGeometry}, {@link ExactCurvature}, {@link ExactInnerProducts#rankOneBound}).
 *
 * <p>Method. Let Q &gt; 0 and, for a positive double c, up(c) the midpoint between c and the next
 * double (2^1024 − 2^970 for the largest). Round-half-even gives a result at most c exactly when
 * Q &lt; up(c), or Q = up(c) and c has an even last significand bit. That predicate is monotone in
 * c, so the correctly rounded double is the least c for which it holds; it is found over the bit
 * patterns of the positive doubles (which are ordered like the doubles) by a galloping search from
 * the caller's approximation, then bisection: 2 comparisons when the approximation is already the
 * answer (the range checks are decided by the same comparisons), about 2·log2(distance in ulps)
 * otherwise, one more for a result of Double.MIN_VALUE. Every step is one exact comparison, so the
 * result is exact whatever the approximation's quality. Q &ge; 2^1024 − 2^970 (rounds to ∞) or
 * Q &le; 2^-1075 (rounds to 0) is refused by name.
 */
public final class ExactRounding {

    /** A real Q known through exact comparisons, with a rough approximation as a starting point. */
    public interface Quantity {
        /**
         * sign(Q − b), exactly.
         *
         * @param b a dyadic rational
         * @return −1, 0 or 1
         */
        int compareWith(BigDecimal b);

        /**
         * Q roughly (a starting point for the search and the magnitude in a refusal's message).
         *
         * @return an approximation, any sign or zero if nothing better is known
         */
        BigDecimal approximation();
    }

    /** 2^1024 − 2^970: the midpoint between Double.MAX_VALUE and 2^1024; at or above it, ∞. */
    static final BigDecimal OVERFLOW = new BigDecimal(Double.MAX_VALUE)
            .add(new BigDecimal(Math.ulp(Double.MAX_VALUE)).multiply(new BigDecimal("0.5")));
    /** 2^-1075: the midpoint between 0 and Double.MIN_VALUE; at or below it, 0. */
    static final BigDecimal UNDERFLOW = new BigDecimal(Double.MIN_VALUE).multiply(new BigDecimal("0.5"));
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final MathContext APPROX = new MathContext(50);
    private static final BigDecimal RELATIVE_SLACK = new BigDecimal(0x1.0p-20);
    private static final long MAX_BITS = Double.doubleToRawLongBits(Double.MAX_VALUE);
    private static final long MIN_BITS = Double.doubleToRawLongBits(Double.MIN_VALUE);

    private ExactRounding() {
    }

    /**
     * The correctly rounded double (round-half-even) of a positive Q.
     *
     * @param q the quantity, Q &gt; 0
     * @param name the quantity's name for the message of a refusal
     * @return the positive double nearest to Q
     * @throws ArithmeticException naming the quantity when Q rounds to ∞ or to 0
     */
    public static double roundPositive(Quantity q, String name) {
        final BigDecimal approx = q.approximation();
        final double start = approx.signum() > 0 ? approx.doubleValue() : Double.MIN_VALUE;
        long hi = Math.min(Math.max(Double.doubleToRawLongBits(start), MIN_BITS), MAX_BITS);
        long lo;
        // Invariant after the gallop: roundsAtMost(hi) holds, and lo < hi with !roundsAtMost(lo)
        // or lo = MIN_BITS − 1 (below every candidate). The range checks are part of the search:
        // roundsAtMost(hi) for some hi means Q < 2^1024 − 2^970 (no overflow), !roundsAtMost(lo)
        // for some lo ≥ MIN_BITS means Q > 2^-1075 (no underflow), so an approximation that is
        // already the answer costs 2 comparisons (3 for a result of Double.MIN_VALUE).
        if (roundsAtMost(q, hi)) {
            long step = 1;
            lo = hi - step;
            while (lo >= MIN_BITS && roundsAtMost(q, lo)) {
                hi = lo;
                step *= 2;             // at most 2^63 − 1 patterns lie below hi: no overflow
                lo = step > hi ? MIN_BITS - 1 : hi - step;
            }
            lo = Math.max(lo, MIN_BITS - 1);
        } else {
            lo = hi;
            long step = 1;
            hi = Math.min(lo + step, MAX_BITS);
            while (!roundsAtMost(q, hi)) {
                if (hi == MAX_BITS) {  // Q ≥ up(MAX_VALUE) = 2^1024 − 2^970 (MAX_BITS is odd: a tie rounds up)
                    throw new ArithmeticException(name + " = " + magnitude(q, approx, "at least 2^1024")
                            + " overflows the range of double");
                }
                lo = hi;
                step *= 2;
                hi = step >= MAX_BITS - lo ? MAX_BITS : lo + step; // no long overflow
            }
        }
        while (hi - lo > 1) {
            final long mid = lo + (hi - lo) / 2;
            if (roundsAtMost(q, mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        // hi = MIN_BITS with nothing below it decided: Q < 1.5·2^-1074, and Q ≤ 2^-1075 rounds to 0
        if (lo < MIN_BITS && q.compareWith(UNDERFLOW) <= 0) {
            throw new ArithmeticException(name + " = " + magnitude(q, approx, "at most 2^-1075")
                    + " underflows the range of double");
        }
        return Double.longBitsToDouble(hi);
    }

    /**
     * The rational Q = n/d (d &gt; 0): sign(Q − b) = sign(n − b·d), approximated to 50 digits.
     *
     * @param n the numerator
     * @param d the denominator, &gt; 0
     * @return the quantity
     */
    static Quantity quotient(BigDecimal n, BigDecimal d) {
        return new Quantity() {
            @Override
            public int compareWith(BigDecimal b) {
                return n.subtract(b.multiply(d)).signum();
            }

            @Override
            public BigDecimal approximation() {
                return n.divide(d, APPROX);
            }
        };
    }

    /**
     * Whether a refusal of this library's rounding (here or {@code ExtendedDD.roundOrNaN}) says the
     * value overflows (rather than underflows): their messages end with "overflows the range of
     * double". A plain-method form so that the statically verified packages need no string model.
     *
     * @param e a refusal
     * @return whether it is an overflow
     */
    public static boolean isOverflow(ArithmeticException e) {
        final String m = e.getMessage();
        return m != null && m.endsWith("overflows the range of double");
    }

    /** Whether Q rounds to at most the positive double with these bits. */
    private static boolean roundsAtMost(Quantity q, long bits) {
        final double c = Double.longBitsToDouble(bits);
        final BigDecimal up = bits == MAX_BITS ? OVERFLOW
                : new BigDecimal(c).add(new BigDecimal(Math.nextUp(c))).multiply(HALF);
        final int s = q.compareWith(up);
        return s < 0 || (s == 0 && (bits & 1L) == 0);
    }

    /**
     * The approximation as "1.2345·2^1100" when Q is certainly within 2^-20 of it (two more
     * comparisons, on a refusal only), else the given bound: a message never states a wrong value.
     */
    private static String magnitude(Quantity q, BigDecimal approx, String bound) {
        if (approx.signum() > 0) {
            final BigDecimal slack = approx.multiply(RELATIVE_SLACK);
            if (q.compareWith(approx.subtract(slack)) >= 0 && q.compareWith(approx.add(slack)) <= 0) {
                return describe(approx);
            }
        }
        return bound;
    }

    /** "1.2345·2^1100" for a positive value far outside the double range. */
    static String describe(BigDecimal v) {
        if (v.signum() <= 0) {
            return v.toString();
        }
        final int e = ExactGeometry.floorLog2(v);
        return ExactGeometry.scalb(v, -e).round(new MathContext(6)).stripTrailingZeros().toPlainString() + "·2^" + e;
    }
}
