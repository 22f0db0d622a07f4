package ngdref.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.numbers.core.DD;
import org.junit.jupiter.api.Test;

/**
 * The rounding test of the extended type (ExtendedDD.roundOrNaN, Ziv's strategy) on values built
 * by hand next to rounding boundaries: it must return the correctly rounded double when the whole
 * error interval rounds to it, NaN (decide exactly) when the interval touches a boundary, and
 * refuse only values certainly outside the range. Each expected value is derived in the comment.
 */
class ExtendedDDTest {

    private static double round(DD m, int e, double err) {
        return ExtendedDD.of(m, e, err).roundOrNaN("x");
    }

    @Test
    void decidedValuesAreTheCorrectlyRoundedDouble() {
        assertEquals(1.5, round(DD.of(1.5), 0, 0.0), 0.0);
        // 1 + 2^-53 + 2^-62: above the midpoint of 1 and 1 + 2^-52 by 2^-62; with a relative
        // error of 2^-70 the interval stays above it, so 1 + 2^-52
        assertEquals(1 + 0x1.0p-52, round(DD.ofSum(1.0, 0x1.0p-53 + 0x1.0p-62), 0, 0x1.0p-70), 0.0);
        // 1 − 0x1.ffp-55: just above the midpoint 1 − 2^-54 of 1 − 2^-53 and 1 (the spacing below a
        // power of two is half), so 1; |f| = 0x1.ffp-3 < 1/4 with a tiny error
        assertEquals(1.0, round(DD.ofSum(1.0, -0x1.ffp-55), 0, 0x1.0p-70), 0.0);
        // 1.5·2^-1073 = 3·2^-1074, a subnormal, exact
        assertEquals(3 * Double.MIN_VALUE, round(DD.of(1.5), -1073, 0.0), 0.0);
        // 1.75·2^-1074 rounds to 2·2^-1074 (the spacing there is 2^-1074)
        assertEquals(2 * Double.MIN_VALUE, round(DD.of(1.75), -1074, 0x1.0p-70), 0.0);
        assertEquals(0.0, round(DD.ZERO, 0, 0.0), 0.0);
        // the largest double, exactly: (2 − 2^-52)·2^1023; and 1.5·2^1023, also in the top binade
        assertEquals(Double.MAX_VALUE, round(DD.of(2 - 0x1.0p-52), 1023, 0.0), 0.0);
        assertEquals(0x1.8p1023, round(DD.of(1.5), 1023, 0.0), 0.0);
        // next to the least normal 2^-1022 the spacing is 2^-1074 on both sides (the subnormals
        // continue the grid), so 0.3 spacings above or below it round to it: no half spacing below
        assertEquals(Double.MIN_NORMAL, round(DD.ofSum(1.0, 0.3 * 0x1.0p-52), -1022, 0.0), 0.0);
        assertEquals(Double.MIN_NORMAL, round(DD.ofSum(1.0, -0.3 * 0x1.0p-52), -1022, 0.0), 0.0);
    }

    @Test
    void anIntervalTouchingARoundingBoundaryIsLeftToTheExactDecision() {
        // exactly the midpoint 1 + 2^-53, even without error: a tie
        assertTrue(Double.isNaN(round(DD.ofSum(1.0, 0x1.0p-53), 0, 0.0)));
        // 2^-62 above the midpoint, but a relative error of 2^-61 reaches below it
        assertTrue(Double.isNaN(round(DD.ofSum(1.0, 0x1.0p-53 + 0x1.0p-62), 0, 0x1.0p-61)));
        // below 1: |f| = 0x1.ffp-3 plus 2^-60·2^52 = 2^-8 crosses 1/4, the half spacing below 2^0
        assertTrue(Double.isNaN(round(DD.ofSum(1.0, -0x1.ffp-55), 0, 0x1.0p-60)));
        // 2^-1075 is the midpoint of 0 and the least subnormal
        assertTrue(Double.isNaN(round(DD.of(1.0), -1075, 0.0)));
        // zero with an error, a negative mantissa, an error above 2^-60
        assertTrue(Double.isNaN(round(DD.ZERO, 0, 0x1.0p-70)));
        assertTrue(Double.isNaN(round(DD.of(-1.5), 0, 0.0)));
        assertTrue(Double.isNaN(round(DD.of(1.5), 0, 0x1.0p-59)));
        // [2^1024, 2^1025): next to the overflow threshold 2^1024·(1 − 2^-54), decided exactly
        assertTrue(Double.isNaN(round(DD.of(1.0), 1024, 0.0)));
    }

    @Test
    void onlyValuesCertainlyOutsideTheRangeAreRefused() {
        assertEquals("x = 1.0·2^1025 overflows the range of double",
                assertThrows(ArithmeticException.class, () -> round(DD.of(1.0), 1025, 0.0)).getMessage());
        assertEquals("x = 1.5·2^-1077 underflows the range of double",
                assertThrows(ArithmeticException.class, () -> round(DD.of(1.5), -1077, 0.0)).getMessage());
        // 1.5·2^-1076 = 0.375·2^-1074: nearer 0 than the least subnormal, whatever the small error
        assertEquals("x = 1.5·2^-1076 underflows the range of double",
                assertThrows(ArithmeticException.class, () -> round(DD.of(1.5), -1076, 0x1.0p-70)).getMessage());
    }

    @Test
    void aSubnormalMantissaIsNormalisedExactly() {
        // Math.getExponent gives −1023 for every subnormal: the normalisation must scale it up first.
        // 2^-1074 is 1·2^-1074; 3·2^-1074 = 1.5·2^-1073, and with e = 5 it is 1.5·2^-1068
        final ExtendedDD least = ExtendedDD.of(DD.of(Double.MIN_VALUE), 0, 0.0);
        assertEquals(-1074, least.exponent());
        assertEquals(1.0, least.mantissa().hi(), 0.0);
        final ExtendedDD three = ExtendedDD.of(DD.of(3 * Double.MIN_VALUE), 5, 0.0);
        assertEquals(-1068, three.exponent());
        assertEquals(1.5, three.mantissa().hi(), 0.0);
        assertEquals(96 * Double.MIN_VALUE, three.roundOrNaN("x"), 0.0);
    }

    @Test
    void aTermUpTo2ToThe200BelowIsKeptAndOneFurtherDownIsBoundedNotLost() {
        // 1 + 2^-200 is a double-double (hi 1, lo 2^-200): the sum keeps it, in either order
        final ExtendedDD one = ExtendedDD.of(1.0);
        final ExtendedDD tiny = ExtendedDD.of(DD.of(1.0), -200, 0.0);
        for (ExtendedDD sum : new ExtendedDD[] {one.add(tiny), tiny.add(one)}) {
            assertEquals(0, sum.exponent());
            assertEquals(1.0, sum.mantissa().hi(), 0.0);
            assertEquals(0x1.0p-200, sum.mantissa().lo(), 0.0);
        }
        // 2^-201 below is dropped from the value, and its size (relative 2^-201) enters the bound
        final ExtendedDD tinier = ExtendedDD.of(DD.of(1.0), -201, 0.0);
        for (ExtendedDD sum : new ExtendedDD[] {one.add(tinier), tinier.add(one)}) {
            assertEquals(1.0, sum.mantissa().hi(), 0.0);
            assertEquals(0.0, sum.mantissa().lo(), 0.0);
            assertTrue(sum.error() >= 0x1.0p-201, "error " + sum.error());
        }
    }

    @Test
    void theTextIsMantissaExponentAndBound() {
        assertEquals("1.5·2^3 (±0.25)", ExtendedDD.of(DD.of(1.5), 3, 0.25).toString());
        // 12 = 1.5·2^3 as well: normalised
        assertEquals("1.5·2^3 (±0.0)", ExtendedDD.of(12.0).toString());
    }
}
