package ngdref.discrete;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The exponent helpers of the discrete-time scaling ({@link Vectors}): 2^e &le; |x| &lt; 2^(e+1)
 * over the whole range, the subnormals included, where {@link Math#getExponent} gives −1023.
 */
class VectorsTest {

    @Test
    void exponentsCoverTheSubnormalRange() {
        assertEquals(0, Vectors.exponent(1.0));
        assertEquals(1, Vectors.exponent(-3.0));
        assertEquals(1023, Vectors.exponent(Double.MAX_VALUE));
        assertEquals(-1022, Vectors.exponent(Double.MIN_NORMAL));
        assertEquals(-1023, Vectors.exponent(Math.nextDown(Double.MIN_NORMAL)));
        assertEquals(-1073, Vectors.exponent(-3 * Double.MIN_VALUE));
        assertEquals(-1074, Vectors.exponent(Double.MIN_VALUE));
    }

    @Test
    void theLargestEntryDecidesAVectorsExponent() {
        assertEquals(1, Vectors.maxExponent(new double[] {1.0, -3.5, 2.0}));
        assertEquals(-1074, Vectors.maxExponent(new double[] {0.0, -Double.MIN_VALUE}));
        assertEquals(-1023, Vectors.maxExponent(new double[] {Math.nextDown(Double.MIN_NORMAL), 0x1.0p-1030}));
        assertEquals(-1022, Vectors.maxExponent(new double[] {Double.MIN_NORMAL, 0.0}));
        assertEquals(Vectors.ZERO_VECTOR, Vectors.maxExponent(new double[] {0.0, -0.0}));
        assertEquals(3.5, Vectors.maxAbs(new double[] {1.0, -3.5, 2.0}), 0.0);
        assertEquals(0.0, Vectors.maxAbs(new double[] {-0.0, 0.0}), 0.0);
        assertEquals(Double.MIN_VALUE, Vectors.maxAbs(new double[] {0.0, -Double.MIN_VALUE}), 0.0);
    }
}
