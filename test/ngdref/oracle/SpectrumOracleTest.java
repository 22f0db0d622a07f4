package ngdref.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpectrumOracleTest {

    /** Correctly rounded eigenvalues by hand (Python decimal at 80 digits, then float()). */
    private static final double TWO_MINUS_SQRT2 = 0.585786437626905;
    private static final double TWO_PLUS_SQRT2 = 3.414213562373095;

    private static Rational q(long p, long d) {
        return Rational.of(BigInteger.valueOf(p), BigInteger.valueOf(d));
    }

    private static void assertClusters(Spectrum s, double[] values, int[] multiplicities) {
        assertEquals(values.length, s.clusters().size(), s.toString());
        for (int c = 0; c < values.length; c++) {
            final EigenvalueCluster cl = s.clusters().get(c);
            assertEquals(OptionalDouble.of(values[c]), cl.enclosure().correctlyRounded(), s.toString());
            assertEquals(multiplicities[c], cl.multiplicity(), s.toString());
        }
    }

    @Test
    void diagonalMatricesWithRationalEigenvalues() {
        final double[][] d = {{3, 0, 0, 0}, {0, -0.25, 0, 0}, {0, 0, 0.1, 0}, {0, 0, 0, 3}};
        final Spectrum s = SpectrumOracle.of(d);
        assertClusters(s, new double[] {-0.25, 0.1, 3}, new int[] {1, 1, 2});
        assertTrue(s.clusters().get(1).enclosure().contains(0.1));          // the exact double 0.1
        assertClusters(SpectrumOracle.byExactBisection(RationalMatrix.of(d)), new double[] {-0.25, 0.1, 3}, new int[] {1, 1, 2});
    }

    @Test
    void twoByTwo() {
        // [[2,1],[1,2]]: eigenvalues 1 and 3.
        final Spectrum s = SpectrumOracle.of(new double[][] {{2, 1}, {1, 2}});
        assertClusters(s, new double[] {1, 3}, new int[] {1, 1});
        assertTrue(s.min().contains(1.0) && s.max().contains(3.0));
        assertEquals(OptionalDouble.of(3.0), s.conditionNumber().correctlyRounded());
        assertTrue(s.isPositiveDefinite());
        final Spectrum b = SpectrumOracle.byExactBisection(RationalMatrix.of(new double[][] {{2, 1}, {1, 2}}));
        assertEquals(Spectrum.Method.EXACT_BISECTION, b.method());
        assertTrue(b.min().isPoint() && b.max().isPoint());                 // hit exactly
        assertClusters(b, new double[] {1, 3}, new int[] {1, 1});
    }

    @Test
    void threeByThree() {
        // [[2,1,0],[1,2,1],[0,1,2]]: 2 − √2, 2, 2 + √2.
        final double[][] m = {{2, 1, 0}, {1, 2, 1}, {0, 1, 2}};
        final double[] expected = {TWO_MINUS_SQRT2, 2, TWO_PLUS_SQRT2};
        assertClusters(SpectrumOracle.of(m), expected, new int[] {1, 1, 1});
        assertClusters(SpectrumOracle.byExactBisection(RationalMatrix.of(m)), expected, new int[] {1, 1, 1});
        final Spectrum s = SpectrumOracle.of(m);
        // 2 − √2 = 0.585786437626904951198311275790301…: the enclosure must contain it.
        assertTrue(s.min().lo().compareTo(new BigDecimal("0.58578643762690495119831127580")) < 0);
        assertTrue(s.min().hi().compareTo(new BigDecimal("0.58578643762690495119831127579")) > 0);
        assertEquals(List.of(OptionalDouble.of(TWO_MINUS_SQRT2), OptionalDouble.of(2.0), OptionalDouble.of(TWO_PLUS_SQRT2)),
                s.correctlyRounded());
    }

    @Test
    void eigenvaluesAtAndNearMidpointsBetweenDoubles() {
        // Q diag(λ, 2) Qᵀ with the rational rotation Q = [[3/5, −4/5], [4/5, 3/5]] has exactly the
        // eigenvalues λ and 2. 1 + 2^-53 is the midpoint between 1 and 1 + 2^-52 (tie to the even
        // 1.0); 1 + 3·2^-53 is the midpoint between 1 + 2^-52 and 1 + 2^-51 (tie to the even
        // 1 + 2^-51); 1 + 3·2^-54 lies a quarter ulp from 1 + 2^-52.
        final Rational[] lambdas = {
            Rational.ONE.add(Rational.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(53))),
            Rational.ONE.add(Rational.of(BigInteger.valueOf(3), BigInteger.ONE.shiftLeft(53))),
            Rational.ONE.add(Rational.of(BigInteger.valueOf(3), BigInteger.ONE.shiftLeft(54)))};
        final double[] expected = {1.0, 1.0 + 0x1p-51, 1.0 + 0x1p-52};
        final Rational c = q(3, 5);
        final Rational s = q(4, 5);
        final Rational two = Rational.of(2);
        for (int k = 0; k < lambdas.length; k++) {
            final Rational lambda = lambdas[k];
            final Rational[][] m = {
                {c.multiply(c).multiply(lambda).add(s.multiply(s).multiply(two)), c.multiply(s).multiply(lambda.subtract(two))},
                {c.multiply(s).multiply(lambda.subtract(two)), s.multiply(s).multiply(lambda).add(c.multiply(c).multiply(two))}};
            final Spectrum spectrum = SpectrumOracle.of(RationalMatrix.of(m));
            assertEquals(OptionalDouble.of(expected[k]), spectrum.min().correctlyRounded(), spectrum.toString());
            assertEquals(OptionalDouble.of(2.0), spectrum.max().correctlyRounded());
        }
    }

    @Test
    void zeroEigenvalueIsFoundExactlyForSmallDimensions() {
        // [[1,1],[1,1]]: 0 and 2.
        final Spectrum s = SpectrumOracle.of(new double[][] {{1, 1}, {1, 1}});
        assertTrue(s.min().isPoint(), s.toString());
        assertEquals(OptionalDouble.of(0.0), s.min().correctlyRounded());
        assertEquals(OptionalDouble.of(2.0), s.max().correctlyRounded());
        assertTrue(!s.isPositiveDefinite());
        assertThrows(IllegalStateException.class, s::conditionNumber);
    }

    @Test
    void zeroMatrix() {
        final Spectrum s = SpectrumOracle.of(new double[][] {{0, 0, 0}, {0, 0, 0}, {0, 0, 0}});
        assertClusters(s, new double[] {0}, new int[] {3});
    }

    @Test
    void bothAlgorithmsAgreeOnRandomIntegerMatrices() {
        final Random r = new Random(3);
        for (int trial = 0; trial < 20; trial++) {
            final int n = 2 + r.nextInt(4);
            final double[][] m = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    m[i][j] = r.nextInt(11) - 5;
                    m[j][i] = m[i][j];
                }
            }
            final Spectrum fast = SpectrumOracle.of(m);
            final Spectrum exact = SpectrumOracle.byExactBisection(RationalMatrix.of(m));
            assertEquals(exact.correctlyRounded(), fast.correctlyRounded(), fast + " vs " + exact);
        }
    }

    @Test
    void badInputsNameTheArgument() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SpectrumOracle.of((double[][]) null))
                .getMessage().contains("m is null"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SpectrumOracle.of((RationalMatrix) null))
                .getMessage().contains("m is null"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SpectrumOracle.of(new double[][] {{1, 2}, {3}}))
                .getMessage().contains("m must be square"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SpectrumOracle.of(new double[][] {{1, 2}, {3, 4}}))
                .getMessage().contains("m must be symmetric"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SpectrumOracle.of(new double[][] {{1, Double.NaN}, {Double.NaN, 4}}))
                .getMessage().contains("m[0][1]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SpectrumOracle.of(new double[][] {{Double.POSITIVE_INFINITY}}))
                .getMessage().contains("m[0][0]"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SpectrumOracle.byExactBisection(RationalMatrix.of(new double[][] {{1, 2}, {3, 4}}))).getMessage().contains("m must be symmetric"));
    }
}
