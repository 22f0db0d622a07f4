package ngdref.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ngdref.exact.ExactInnerProducts;
import org.apache.commons.numbers.core.DD;
import org.junit.jupiter.api.Test;

/** The thin wrappers that keep Commons Math and BigDecimal out of the verified packages. */
class WrappersTest {

    @Test
    void gaussLegendreRulesOnTheUnitInterval() {
        // (n = 128 is supported but its high-precision rule takes ~30 s to build: not in the fast tests)
        for (int n : new int[] {1, 2, 5, 16, 32}) {
            final double[] t = GaussLegendre.nodes(n);
            final double[] w = GaussLegendre.weights(n);
            assertEquals(n, t.length);
            double sum = 0.0;
            for (int k = 0; k < n; k++) {
                assertTrue(t[k] > 0.0 && t[k] < 1.0, "node " + k);
                assertTrue(w[k] > 0.0, "weight " + k);
                // symmetric about 1/2
                assertEquals(1.0, t[k] + t[n - 1 - k], 4 * Math.ulp(1.0));
                sum += w[k];
            }
            assertEquals(1.0, sum, 4 * n * Math.ulp(1.0));
            // exact for ∫₀¹ s^(2n−1) ds = 1/(2n)
            double integral = 0.0;
            for (int k = 0; k < n; k++) {
                integral += w[k] * Math.pow(t[k], 2 * n - 1);
            }
            assertEquals(1.0 / (2 * n), integral, 1e-14);
        }
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GaussLegendre.nodes(0));
        assertTrue(e.getMessage().contains("n = 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GaussLegendre.weights(129));
    }

    @Test
    void smallestEigenvalueOfTheSymmetricPart() {
        // [[2, 4], [0, 2]]: symmetric part [[2, 2], [2, 2]], eigenvalues 0 and 4
        assertEquals(0.0, SymmetricEigenvalues.smallestOfSymmetricPart(new double[][] {{2, 4}, {0, 2}}), 1e-15);
        assertEquals(-3.0, SymmetricEigenvalues.smallestOfSymmetricPart(new double[][] {{1, 0, 0}, {0, -3, 0}, {0, 0, 7}}), 0.0);
        // entries near MAX_VALUE do not overflow when forming the symmetric part
        final double big = 0x1.0p1023;
        assertEquals(big, SymmetricEigenvalues.smallestOfSymmetricPart(new double[][] {{big, 0}, {0, big}}), 0.0);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SymmetricEigenvalues.smallestOfSymmetricPart(new double[][] {{1, 2}})).getMessage().contains("row 0"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SymmetricEigenvalues.smallestOfSymmetricPart(new double[][] {{1, Double.NaN}, {0, 1}})).getMessage()
                .contains("[0][1]"));
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigenvalues.smallestOfSymmetricPart(null));
    }

    @Test
    void exactInnerProducts() {
        // 1e16·1 + 1·1 − 1e16·1 = 1 exactly, lost by naive summation
        final double[] a = {1e16, 1.0, -1e16};
        final double[] ones = {1.0, 1.0, 1.0};
        final int[] e = new int[1];
        assertEquals(DD.of(1.0), ExactInnerProducts.dot(a, ones, e));
        assertEquals(0, e[0]);
        // the mantissa is normalised into [1, 2) with its own exponent: 3·2^-1074 keeps all its bits
        assertEquals(DD.of(1.5), ExactInnerProducts.dot(new double[] {0x1.0p-600, 0x1.0p-600}, new double[] {0x1.0p-474, 0x1.0p-473}, e));
        assertEquals(-1073, e[0]);
        // and a sum below the double range is not lost: 2^-1100 + 2^-1153 = 2^-1100·(1 + 2^-53)
        assertEquals(DD.of(1.0).add(0x1.0p-53), ExactInnerProducts.dot(new double[] {0x1.0p-600, 0x1.0p-653}, new double[] {0x1.0p-500, 0x1.0p-500}, e));
        assertEquals(-1100, e[0]);
        assertEquals(DD.ZERO, ExactInnerProducts.dot(new double[] {1.0, 1.0}, new double[] {1.0, -1.0}, e));
        assertEquals(0, e[0]);
        // parallel: sin ψ = 0; orthogonal: sin ψ = 1; 45°: √2/2
        assertEquals(0.0, ExactInnerProducts.sin(new double[] {1, 2}, new double[] {2, 4}).doubleValue());
        assertEquals(1.0, ExactInnerProducts.sin(new double[] {1, 0}, new double[] {0, 3}).doubleValue());
        assertEquals(Math.sqrt(0.5), ExactInnerProducts.sin(new double[] {1, 0}, new double[] {1, 1}).doubleValue());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ExactInnerProducts.sin(new double[] {0, 0}, new double[] {1, 1})).getMessage().contains("g is the zero vector"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ExactInnerProducts.dot(new double[] {1}, new double[] {1, 2}, new int[1])).getMessage().contains("length mismatch"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ExactInnerProducts.dot(new double[] {Double.POSITIVE_INFINITY}, new double[] {1}, new int[1])).getMessage()
                .contains("entry 0"));
    }
}
