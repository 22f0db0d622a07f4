package ngdref.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link NearestDouble} (exact comparisons with midpoints in binary integers) against a reference
 * that compares in decimal with the exact {@code BigDecimal} expansions of the neighbouring
 * doubles, on the whole range: exact midpoints (ties) in every binade, subnormals included, at
 * binade boundaries and at the overflow threshold, values a tiny step off them, and random
 * 40-digit decimals from 1e-330 to 1e310.
 */
class NearestDoubleTest {

    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal OVERFLOW = new BigDecimal(
            BigInteger.ONE.shiftLeft(1024).subtract(BigInteger.ONE.shiftLeft(970)));

    /** The nearest double by decimal comparisons (ties to even), independently of {@link NearestDouble}. */
    private static double reference(BigDecimal x) {
        final int sign = x.signum();
        if (sign == 0) {
            return 0.0;
        }
        final BigDecimal a = x.abs();
        if (a.compareTo(OVERFLOW) >= 0) {
            return sign > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        double lo = 0.0;
        double hi = Double.MAX_VALUE;
        // Bisection on the doubles' bit patterns (monotone for non-negative doubles).
        while (Math.nextUp(lo) < hi) {
            final double m = Double.longBitsToDouble((Double.doubleToRawLongBits(lo) + Double.doubleToRawLongBits(hi)) >>> 1);
            if (new BigDecimal(m).compareTo(a) <= 0) {
                lo = m;
            } else {
                hi = m;
            }
        }
        // lo <= a < hi (or a >= MAX_VALUE = lo when hi stayed MAX_VALUE and a is above it).
        final double below = new BigDecimal(hi).compareTo(a) <= 0 ? hi : lo;
        final double above = Math.nextUp(below);
        if (new BigDecimal(below).compareTo(a) == 0 || below == Double.MAX_VALUE) {
            return sign * below;                 // exact, or between MAX_VALUE and the overflow threshold
        }
        final BigDecimal mid = new BigDecimal(below).add(new BigDecimal(above)).multiply(HALF);
        final int c = a.compareTo(mid);
        final double r = c < 0 ? below : c > 0 ? above
                : (Double.doubleToRawLongBits(below) & 1L) == 0 ? below : above;
        return sign > 0 ? r : -r;
    }

    private static void check(BigDecimal x) {
        final double expected = reference(x);
        final double actual = NearestDouble.of(x);
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                x.round(new MathContext(30)) + ": expected " + expected + " but was " + actual);
    }

    private static BigDecimal mid(double a, double b) {
        return new BigDecimal(a).add(new BigDecimal(b)).multiply(HALF);
    }

    @Test
    void tiesAndNearTiesOnTheWholeRange() {
        final Random r = new Random(77);
        final BigDecimal tiny = new BigDecimal("1e-400");
        for (int trial = 0; trial < 1500; trial++) {
            final double a;
            switch (trial % 6) {
                case 0:
                    a = Double.longBitsToDouble(r.nextLong() & ((1L << 52) - 1));          // subnormal or 0
                    break;
                case 1:
                    a = Math.nextDown(Math.scalb(1.0, r.nextInt(2098) - 1074));         // below a power of two
                    break;
                case 2:
                    a = Math.scalb(1.0, r.nextInt(2098) - 1074);                       // a power of two
                    break;
                default:
                    a = Double.longBitsToDouble(r.nextLong() & Long.MAX_VALUE);
                    break;
            }
            if (!Double.isFinite(a) || a == Double.MAX_VALUE) {
                continue;
            }
            final BigDecimal m = mid(a, Math.nextUp(a));
            for (BigDecimal x : new BigDecimal[] {m, m.add(tiny), m.subtract(tiny), new BigDecimal(a)}) {
                check(x);
                check(x.negate());
            }
        }
    }

    @Test
    void theEndsOfTheRange() {
        final BigDecimal tiny = new BigDecimal("1e-400");
        final BigDecimal minValue = new BigDecimal(Double.MIN_VALUE);
        final BigDecimal[] cases = {OVERFLOW, OVERFLOW.subtract(BigDecimal.ONE), OVERFLOW.add(BigDecimal.ONE),
            new BigDecimal(Double.MAX_VALUE), new BigDecimal("1e309"), minValue, minValue.multiply(HALF),
            minValue.multiply(HALF).add(tiny), minValue.multiply(HALF).subtract(tiny), tiny,
            mid(Math.nextDown(Double.MIN_NORMAL), Double.MIN_NORMAL), new BigDecimal("0.1"), new BigDecimal("1e23")};
        for (BigDecimal x : cases) {
            check(x);
            check(x.negate());
        }
        assertEquals(Double.POSITIVE_INFINITY, NearestDouble.of(OVERFLOW));
        assertEquals(Double.MAX_VALUE, NearestDouble.of(OVERFLOW.subtract(BigDecimal.ONE)));
        assertEquals(0.0, NearestDouble.of(minValue.multiply(HALF)));                 // a tie: 0 is even
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(NearestDouble.of(tiny.negate())));
        assertEquals(Double.MIN_VALUE, NearestDouble.of(minValue.multiply(HALF).add(tiny)));
    }

    @Test
    void randomDecimalsOfFortyDigits() {
        final Random r = new Random(78);
        for (int trial = 0; trial < 2000; trial++) {
            final BigInteger digits = new BigInteger(133, r).add(BigInteger.TEN.pow(39));
            final BigDecimal x = new BigDecimal(digits, 39 - (r.nextInt(641) - 330));
            check(x);
        }
    }
}
