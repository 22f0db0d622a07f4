package ngdref.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class MetricIdentitiesTest {

    private static final double[] G = {1, 0, 0};
    private static final double[] Y = {1, 1, 0};

    @Test
    void secantConditionAndRemainder() {
        final double[] g = {0.1, -0.3, 2.5, 1e-3};
        final double[] y = {0.2, 0.7, 1.25, -4};
        final RationalMatrix m = ExplicitFamilyMetric.ofGamma(g, y, 0.7);
        assertTrue(MetricIdentities.mapsGToY(m, g, y));
        assertFalse(MetricIdentities.mapsGToY(RationalMatrix.identity(4), g, y));
        final RationalMatrix rest = MetricIdentities.remainder(m, g, y);
        assertTrue(MetricIdentities.annihilates(rest, g));
        assertFalse(MetricIdentities.annihilates(m, g));
        // M' = α(I − ggᵀ/gᵀg) has rank D − 1, and M − αI has rank 2.
        final Rational alpha = ExplicitFamilyMetric.alphaOfGamma(g, y, 0.7);
        assertEquals(3, MetricIdentities.rank(rest));
        assertEquals(2, MetricIdentities.rankOfShift(m, alpha));
    }

    @Test
    void rankOfTheShiftInHigherDimension() {
        final int n = 40;
        final double[] g = new double[n];
        final double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = Math.scalb(i + 1.0, -i % 7);
            y[i] = g[i] + (i % 3 == 0 ? 0.5 : -0.25);
        }
        final RationalMatrix m = ExplicitFamilyMetric.ofAlpha(g, y, 3.0);
        assertEquals(2, MetricIdentities.rankOfShift(m, Rational.of(3)));
    }

    @Test
    void restrictionToTheGyPlaneByHand() {
        // α = 2: M = [[1,1,0],[1,3,0],[0,0,2]]; Mg = y = 0·g + 1·y; My = (2,4,0) = −2 g + 4 y.
        final SpanRestriction r = MetricIdentities.restrictToSpan(ExplicitFamilyMetric.ofAlpha(G, Y, 2.0), G, Y);
        assertEquals(Rational.ZERO, r.get(0, 0));
        assertEquals(Rational.ONE, r.get(1, 0));
        assertEquals(Rational.of(-2), r.get(0, 1));
        assertEquals(Rational.of(4), r.get(1, 1));
        assertEquals(Rational.of(4), r.trace());
        assertEquals(Rational.of(2), r.determinant());
        assertArrayEquals(new Rational[] {Rational.of(2), Rational.of(-4), Rational.ONE}, r.characteristicPolynomial());
        // t² − 4t + 2 at t = 1/2: 1/4 − 2 + 2 = 1/4.
        final Rational half = Rational.of(BigInteger.ONE, BigInteger.valueOf(2));
        assertEquals(Rational.of(BigInteger.ONE, BigInteger.valueOf(4)), r.characteristicValue(half));
    }

    @Test
    void restrictionRejectsLinesAndNonInvariantPlanes() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> MetricIdentities.restrictToSpan(RationalMatrix.identity(3), G, new double[] {2, 0, 0}))
                .getMessage().contains("linearly dependent"));
        final RationalMatrix m = RationalMatrix.of(new double[][] {{1, 0, 0}, {0, 1, 1}, {0, 1, 1}});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MetricIdentities.restrictToSpan(m, G, new double[] {0, 1, 0}))
                .getMessage().contains("not invariant"));
    }

    @Test
    void badInputsNameTheArgument() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MetricIdentities.mapsGToY(null, G, Y))
                .getMessage().contains("m is null"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MetricIdentities.mapsGToY(RationalMatrix.identity(2), G, Y))
                .getMessage().contains("g must have length 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MetricIdentities.annihilates(RationalMatrix.identity(3), null))
                .getMessage().contains("v is null"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MetricIdentities.rankOfShift(RationalMatrix.identity(3), null))
                .getMessage().contains("t is null"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MetricIdentities.rank(RationalMatrix.of(new double[][] {{0, 1}, {0, 0}})))
                .getMessage().contains("symmetric"));
    }
}
