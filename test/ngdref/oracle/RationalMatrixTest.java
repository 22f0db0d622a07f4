package ngdref.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class RationalMatrixTest {

    private static void assertRejected(String name, Runnable r) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(name), e.getMessage());
    }

    @Test
    void entriesAreExact() {
        final RationalMatrix m = RationalMatrix.of(new double[][] {{0.1, 2}, {-0.5, 3}});
        assertEquals(Rational.of(0.1), m.get(0, 0));
        assertEquals(Rational.of(BigInteger.valueOf(-1), BigInteger.valueOf(2)), m.get(1, 0));
        assertEquals(2, m.dimension());
        assertFalse(m.isSymmetric());
    }

    @Test
    void arithmeticByHand() {
        final RationalMatrix a = RationalMatrix.of(new double[][] {{1, 2}, {3, 4}});
        final Rational half = Rational.of(0.5);
        // [[1,2],[3,4]] (1/2, 1) = (2.5, 5.5)
        final Rational[] v = a.multiply(new Rational[] {half, Rational.ONE});
        assertEquals(Rational.of(2.5), v[0]);
        assertEquals(Rational.of(5.5), v[1]);
        assertEquals(RationalMatrix.of(new double[][] {{-1, 2}, {3, 2}}), a.shift(Rational.of(2)));
        assertEquals(RationalMatrix.of(new double[][] {{0.5, 1}, {1.5, 2}}), a.scale(half));
        assertEquals(RationalMatrix.of(new double[][] {{2, 4}, {6, 8}}), a.add(a));
        assertTrue(a.subtract(a).isZero());
        assertEquals(RationalMatrix.of(new double[][] {{3, 6}, {4, 8}}),
                RationalMatrix.outer(new Rational[] {Rational.of(3), Rational.of(4)}, new Rational[] {Rational.ONE, Rational.of(2)}));
        assertEquals(RationalMatrix.of(new double[][] {{1, 0}, {0, 1}}), RationalMatrix.identity(2));
    }

    @Test
    void badInputsNameTheArgument() {
        assertRejected("m is null", () -> RationalMatrix.of((double[][]) null));
        assertRejected("m must be non-empty", () -> RationalMatrix.of(new double[0][]));
        assertRejected("m row 1 is null", () -> RationalMatrix.of(new double[][] {{1, 2}, null}));
        assertRejected("m must be square", () -> RationalMatrix.of(new double[][] {{1, 2}, {3}}));
        assertRejected("m must be square", () -> RationalMatrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}}));
        assertRejected("m[1][0]", () -> RationalMatrix.of(new double[][] {{1, 2}, {Double.NaN, 4}}));
        assertRejected("m[0][1]", () -> RationalMatrix.of(new double[][] {{1, Double.NEGATIVE_INFINITY}, {3, 4}}));
        assertRejected("metric must be symmetric",
                () -> RationalMatrix.symmetric(new double[][] {{1, 2}, {2.0000000000000004, 1}}, "metric"));
        assertRejected("v must have length 2", () -> RationalMatrix.identity(2).multiply(new Rational[] {Rational.ONE}));
    }
}
