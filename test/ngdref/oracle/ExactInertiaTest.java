package ngdref.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExactInertiaTest {

    private static Inertia of(double[][] m) {
        return ExactInertia.of(RationalMatrix.of(m));
    }

    @Test
    void diagonalMatricesCountSigns() {
        assertEquals(new Inertia(2, 1, 1), of(new double[][] {{1, 0, 0, 0}, {0, -2, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 3}}));
        assertEquals(new Inertia(0, 0, 2), of(new double[][] {{0, 0}, {0, 0}}));
    }

    @Test
    void zeroDiagonalNeedsTheCongruenceStep() {
        // [[0,1],[1,0]] has eigenvalues −1 and 1.
        assertEquals(new Inertia(1, 1, 0), of(new double[][] {{0, 1}, {1, 0}}));
        // [[0,1,0],[1,0,0],[0,0,0]]: −1, 0, 1.
        assertEquals(new Inertia(1, 1, 1), of(new double[][] {{0, 1, 0}, {1, 0, 0}, {0, 0, 0}}));
    }

    @Test
    void shiftsCountEigenvaluesBelow() {
        // [[2,1],[1,2]] has eigenvalues 1 and 3.
        final RationalMatrix m = RationalMatrix.of(new double[][] {{2, 1}, {1, 2}});
        assertEquals(new Inertia(2, 0, 0), ExactInertia.shifted(m, Rational.of(0.5)));
        assertEquals(new Inertia(1, 0, 1), ExactInertia.shifted(m, Rational.ONE));
        assertEquals(new Inertia(1, 1, 0), ExactInertia.shifted(m, Rational.of(2)));
        assertEquals(new Inertia(0, 1, 1), ExactInertia.shifted(m, Rational.of(3)));
        assertEquals(new Inertia(0, 2, 0), ExactInertia.shifted(m, Rational.of(3.5)));
    }

    @Test
    void ranksOfOuterProducts() {
        final Rational[] u = {Rational.ONE, Rational.of(2), Rational.of(-3)};
        assertEquals(1, ExactInertia.rank(RationalMatrix.outer(u, u)));
        assertEquals(new Inertia(0, 1, 2), ExactInertia.of(RationalMatrix.outer(u, u).scale(Rational.of(-1))));
        assertEquals(3, ExactInertia.rank(RationalMatrix.identity(3)));
        // The capped rank stops after limit + 1 pivots.
        assertEquals(3, ExactInertia.rankAtMost(RationalMatrix.identity(5), 2));
        assertEquals(1, ExactInertia.rankAtMost(RationalMatrix.outer(u, u), 2));
        assertEquals(0, ExactInertia.rankAtMost(RationalMatrix.outer(u, u).scale(Rational.ZERO), 0));
    }

    @Test
    void badInputsNameTheArgument() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExactInertia.of(null)).getMessage().contains("s"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ExactInertia.of(RationalMatrix.of(new double[][] {{1, 2}, {3, 4}}))).getMessage().contains("s must be symmetric"));
        assertThrows(IllegalArgumentException.class, () -> new Inertia(-1, 0, 0));
    }
}
