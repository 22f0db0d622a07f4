package ngdref.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class UlpsTest {

    @Test
    void stepsBetweenDoubles() {
        assertEquals(0, Ulps.between(1.0, 1.0));
        assertEquals(1, Ulps.between(1.0, Math.nextUp(1.0)));
        assertEquals(1, Ulps.between(1.0, Math.nextDown(1.0)));
        assertEquals(2, Ulps.between(Math.nextDown(1.0), Math.nextUp(1.0)));
        assertEquals(0, Ulps.between(-0.0, 0.0));
        assertEquals(2, Ulps.between(-Double.MIN_VALUE, Double.MIN_VALUE));
        // 2^52 doubles in [1, 2).
        assertEquals(1L << 52, Ulps.between(1.0, 2.0));
        assertEquals(Long.MAX_VALUE, Ulps.between(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
    }

    @Test
    void errorAgainstDecidedAndUndecidedEnclosures() {
        final double third = 1.0 / 3;   // the double nearest 1/3
        final Enclosure exactThird = Enclosure.of(Rational.of(java.math.BigInteger.ONE, java.math.BigInteger.valueOf(3)));
        assertEquals(new Ulps.Error(0, 0), Ulps.error(third, exactThird));
        assertEquals(new Ulps.Error(3, 3), Ulps.error(Math.nextUp(Math.nextUp(Math.nextUp(third))), exactThird));
        assertTrue(Ulps.error(third, exactThird).isExact());
        // An enclosure straddling the midpoint between 1 and nextUp(1): the value rounds to one of them.
        final BigDecimal mid = new BigDecimal(1.0).add(new BigDecimal(Math.nextUp(1.0))).divide(BigDecimal.valueOf(2));
        final Enclosure wide = Enclosure.of(mid.subtract(new BigDecimal("1e-30")), mid.add(new BigDecimal("1e-30")));
        assertEquals(new Ulps.Error(0, 1), Ulps.error(1.0, wide));
        assertEquals(new Ulps.Error(1, 2), Ulps.error(Math.nextDown(1.0), wide));
        assertFalse(Ulps.error(1.0, wide).isExact());
    }

    @Test
    void badInputsNameTheArgument() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Ulps.between(Double.NaN, 1)).getMessage().contains("a"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Ulps.between(1, Double.NaN)).getMessage().contains("b"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Ulps.error(1, null)).getMessage().contains("exact"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Ulps.error(Double.NaN, Enclosure.of(1.0))).getMessage().contains("x"));
    }
}
