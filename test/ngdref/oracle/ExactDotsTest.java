package ngdref.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class ExactDotsTest {

    @Test
    void dotProductsAreExactWhereDoublesCancel() {
        // In doubles 1e16 + 1 − 1e16 = 0; exactly yᵀg = 1.
        final ExactDots d = ExactDots.of(new double[] {1e16, 1, -1e16}, new double[] {1, 1, 1});
        assertEquals(Rational.ONE, d.yTg());
        assertEquals(Rational.of(3), d.yTy());
        assertEquals(Rational.of(BigInteger.valueOf(2).multiply(BigInteger.TEN.pow(32)).add(BigInteger.ONE)), d.gTg());
        assertEquals(3, d.dimension());
    }

    @Test
    void productOfTenthsIsTheSquareOfTheDyadic() {
        // 0.1 = 3602879701896397 / 2^55, so 0.1·0.1 = 3602879701896397² / 2^110 exactly.
        final ExactDots d = ExactDots.of(new double[] {0.1}, new double[] {0.1});
        final BigInteger m = BigInteger.valueOf(3602879701896397L);
        assertEquals(Rational.of(m.multiply(m), BigInteger.ONE.shiftLeft(110)), d.yTg());
    }

    @Test
    void badInputsNameTheArgument() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExactDots.of(null, new double[] {1}))
                .getMessage().contains("g is null"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExactDots.of(new double[] {1}, new double[0]))
                .getMessage().contains("y must be non-empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExactDots.of(new double[] {1, 2}, new double[] {1}))
                .getMessage().contains("equal lengths"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExactDots.of(new double[] {1, Double.NaN}, new double[] {1, 2}))
                .getMessage().contains("g[1]"));
    }
}
