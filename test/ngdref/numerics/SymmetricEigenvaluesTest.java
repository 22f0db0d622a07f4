package ngdref.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** λ_min of the symmetric part at extreme scales (issue 12, item 6). */
class SymmetricEigenvaluesTest {

    /** By hand: diag(s, −s) has λ_min = −s; [[0, s], [s, 0]] has λ_min = −s. */
    @Test
    void extremeScalesGiveTheExactSmallestEigenvalue() {
        for (double s : new double[] {1e308, Double.MAX_VALUE, 0x1.0p-1074, 0x1.0p-1060, 1e-300}) {
            assertEquals(-s, SymmetricEigenvalues.smallestOfSymmetricPart(new double[][] {{s, 0}, {0, -s}}), 0.0, "s = " + s);
            assertEquals(-s, SymmetricEigenvalues.smallestOfSymmetricPart(new double[][] {{0, s}, {s, 0}}),
                    s * 0x1.0p-50, "s = " + s);
        }
    }

    /** By hand: −1e308·[[1, 1], [1, 1]] has λ_min = −2e308, outside the range: refused by name. */
    @Test
    void anOutOfRangeEigenvalueIsRefused() {
        final ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> SymmetricEigenvalues.smallestOfSymmetricPart(new double[][] {{-1e308, -1e308}, {-1e308, -1e308}}));
        assertTrue(e.getMessage().contains("overflows"), e.getMessage());
    }
}
