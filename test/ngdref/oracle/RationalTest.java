package ngdref.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class RationalTest {

    private static Rational q(long p, long d) {
        return Rational.of(BigInteger.valueOf(p), BigInteger.valueOf(d));
    }

    @Test
    void doublesConvertExactly() {
        // 0.1 is the double 3602879701896397 / 2^55.
        assertEquals(Rational.of(BigInteger.valueOf(3602879701896397L), BigInteger.ONE.shiftLeft(55)), Rational.of(0.1));
        assertEquals(q(-3, 4), Rational.of(-0.75));
        assertEquals(Rational.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(1074)), Rational.of(Double.MIN_VALUE));
        assertEquals(Rational.of(BigInteger.ONE.shiftLeft(1023)), Rational.of(0x1p1023));
        assertEquals(Rational.ZERO, Rational.of(-0.0));
    }

    @Test
    void arithmeticIsExactAndReduced() {
        assertEquals(q(5, 6), q(1, 2).add(q(1, 3)));
        assertEquals(q(1, 6), q(1, 2).subtract(q(1, 3)));
        assertEquals(q(1, 6), q(1, 2).multiply(q(1, 3)));
        assertEquals(q(3, 2), q(1, 2).divide(q(1, 3)));
        assertEquals(q(-1, 2), q(2, -4));
        assertEquals(BigInteger.valueOf(2), q(-4, -2).numerator());
        assertTrue(q(1, 3).compareTo(q(1, 2)) < 0);
        assertThrows(ArithmeticException.class, () -> q(1, 2).divide(Rational.ZERO));
    }

    @Test
    void directedRoundingBracketsTheValue() {
        assertEquals("0.3333", q(1, 3).toBigDecimal(4, RoundingMode.FLOOR).toPlainString());
        assertEquals("0.3334", q(1, 3).toBigDecimal(4, RoundingMode.CEILING).toPlainString());
        assertEquals("-0.3334", q(-1, 3).toBigDecimal(4, RoundingMode.FLOOR).toPlainString());
    }

    @Test
    void badInputsNameTheArgument() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Rational.of(Double.NaN, "alpha"))
                .getMessage().contains("alpha"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Rational.of(Double.POSITIVE_INFINITY))
                .getMessage().contains("x"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Rational.of(BigInteger.ONE, BigInteger.ZERO))
                .getMessage().contains("den"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Rational.of(null, BigInteger.ONE))
                .getMessage().contains("num"));
    }
}
