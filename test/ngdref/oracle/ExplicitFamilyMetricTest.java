package ngdref.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The family Eq. (8)/(22) built explicitly, against hand-computed matrices and spectra. */
class ExplicitFamilyMetricTest {

    private static Rational q(long p, long d) {
        return Rational.of(BigInteger.valueOf(p), BigInteger.valueOf(d));
    }

    private static void assertCluster(EigenvalueCluster c, double value, int multiplicity) {
        assertEquals(OptionalDouble.of(value), c.enclosure().correctlyRounded(), c.toString());
        assertEquals(multiplicity, c.multiplicity(), c.toString());
    }

    @Test
    void twoDimensionalByHand() {
        // g = (1, 0), y = (1, 1): yᵀg = 1, yᵀy = 2, gᵀg = 1, so M(α) = [[1, 1], [1, 1 + α]].
        final double[] g = {1, 0};
        final double[] y = {1, 1};
        assertEquals(RationalMatrix.of(new double[][] {{1, 1}, {1, 1.5}}), ExplicitFamilyMetric.ofAlpha(g, y, 0.5));
        // γ = 1: α = yᵀy/yᵀg = 2, M = [[1,1],[1,3]], eigenvalues 2 ± √2, κ = 3 + 2√2.
        assertEquals(Rational.of(2), ExplicitFamilyMetric.alphaOfGamma(g, y, 1));
        final RationalMatrix opt = ExplicitFamilyMetric.optimal(g, y);
        assertEquals(RationalMatrix.of(new double[][] {{1, 1}, {1, 3}}), opt);
        final Spectrum s = SpectrumOracle.of(opt);
        assertCluster(s.smallest(), 0.585786437626905, 1);
        assertCluster(s.largest(), 3.414213562373095, 1);
        assertEquals(OptionalDouble.of(5.82842712474619), s.conditionNumber().correctlyRounded());
        // γ = 3: α = 6, M = [[1,1],[1,7]], eigenvalues 4 ± √10.
        final Spectrum s3 = SpectrumOracle.of(ExplicitFamilyMetric.ofGamma(g, y, 3));
        assertCluster(s3.smallest(), 0.8377223398316207, 1);
        assertCluster(s3.largest(), 7.162277660168379, 1);
    }

    @Test
    void threeDimensionalByHand() {
        // g = (1,0,0), y = (1,1,0), α = 2: M = [[1,1,0],[1,3,0],[0,0,2]].
        final double[] g = {1, 0, 0};
        final double[] y = {1, 1, 0};
        final RationalMatrix m = ExplicitFamilyMetric.optimal(g, y);
        assertEquals(RationalMatrix.of(new double[][] {{1, 1, 0}, {1, 3, 0}, {0, 0, 2}}), m);
        final Spectrum s = SpectrumOracle.of(m);
        assertEquals(3, s.clusters().size());
        assertCluster(s.clusters().get(0), 0.585786437626905, 1);
        assertCluster(s.clusters().get(1), 2, 1);
        assertCluster(s.clusters().get(2), 3.414213562373095, 1);
    }

    @Test
    void parallelUpdateGivesAMultipleOfTheIdentity() {
        // ψ = 0: y = 2g with ‖g‖ = 3; the optimal metric is (‖y‖/‖g‖) I = 2I.
        final double[] g = {1, 2, 2};
        final double[] y = {2, 4, 4};
        final RationalMatrix m = ExplicitFamilyMetric.optimal(g, y);
        assertEquals(RationalMatrix.identity(3).scale(Rational.of(2)), m);
        final Spectrum s = SpectrumOracle.of(m);
        assertEquals(1, s.clusters().size());
        assertCluster(s.smallest(), 2, 3);
        // γ = 3: α = 6 and M = 6I − (4/9) g gᵀ: eigenvalue 2 along g, 6 twice.
        final Spectrum s3 = SpectrumOracle.of(ExplicitFamilyMetric.ofGamma(g, y, 3));
        assertCluster(s3.smallest(), 2, 1);
        assertCluster(s3.largest(), 6, 2);
    }

    @Test
    void alphaHasMultiplicityDMinusTwo() {
        // g = (1,…,1), y = g + e1 − e2: yᵀg = gᵀg = D, yᵀy = D + 2, α = a = (D+2)/D (γ = 1).
        // On span{g, y}: t² − 2a t + a = 0, i.e. t = a ± sqrt(a² − a); α on the rest, D − 2 times.
        final int[] dims = {6, 64, 256};
        final double[][] expected = {
            {0.6666666666666666, 1.3333333333333333, 2.0},
            {0.8517324172956866, 1.03125, 1.2107675827043134},
            {0.9190795570968707, 1.0078125, 1.0965454429031294}};
        for (int k = 0; k < dims.length; k++) {
            final int n = dims[k];
            final double[] g = new double[n];
            final double[] y = new double[n];
            java.util.Arrays.fill(g, 1);
            java.util.Arrays.fill(y, 1);
            y[0] = 2;
            y[1] = 0;
            final RationalMatrix m = ExplicitFamilyMetric.optimal(g, y);
            assertEquals(q(n + 2, n), ExplicitFamilyMetric.alphaOfGamma(g, y, 1));
            final Spectrum s = SpectrumOracle.of(m);
            assertEquals(3, s.clusters().size(), s.toString());
            assertCluster(s.clusters().get(0), expected[k][0], 1);
            assertCluster(s.clusters().get(1), expected[k][1], n - 2);
            assertCluster(s.clusters().get(2), expected[k][2], 1);
            if (n != 6) {
                assertTrue(s.clusters().get(1).enclosure().contains(expected[k][1]));   // α = 1.03125, 1.0078125 exactly
            }
        }
    }

    @Test
    void nearlyDegenerateEigenvaluesAreSeparated() {
        // D = 16 (above the exact fallback), g = (1,…,1), y = g + ε(e1 − e2), ε = 2^-50:
        // α = 1 + 2^-103, eigenvalues α ± sqrt(α(α − 1)) = 1 ∓ 3.14e-16 (by hand, 120 digits):
        // 0.99999999999999968598…, 1.00000000000000000…(×14), 1.00000000000000031401…
        final int n = 16;
        final double[] g = new double[n];
        final double[] y = new double[n];
        java.util.Arrays.fill(g, 1);
        java.util.Arrays.fill(y, 1);
        y[0] = 1 + 0x1p-50;
        y[1] = 1 - 0x1p-50;
        final Spectrum s = SpectrumOracle.of(ExplicitFamilyMetric.optimal(g, y));
        assertEquals(Spectrum.Method.CONGRUENCE, s.method());
        assertEquals(3, s.clusters().size(), s.toString());
        assertCluster(s.clusters().get(0), 0.9999999999999997, 1);
        assertCluster(s.clusters().get(1), 1.0, n - 2);
        assertCluster(s.clusters().get(2), 1.0000000000000002, 1);
    }

    @Test
    void nearlyOrthogonalUpdateHasAHugeConditionNumber() {
        // D = 16, g = (1,…,1), y = (e1 − e2) + δ g with δ = 2^-30: yᵀg = 16δ, yᵀy = 2 + 16δ²,
        // α = (2^57 + 1)/2^30; by hand (150 digits): λ_min ≈ 2^-31, λ_max ≈ 2^28, κ ≈ 5.76e17.
        final int n = 16;
        final double[] g = new double[n];
        final double[] y = new double[n];
        java.util.Arrays.fill(g, 1);
        java.util.Arrays.fill(y, 0x1p-30);
        y[0] += 1;
        y[1] -= 1;
        assertEquals(Rational.of(BigInteger.ONE.shiftLeft(57).add(BigInteger.ONE), BigInteger.ONE.shiftLeft(30)),
                ExplicitFamilyMetric.alphaOfGamma(g, y, 1));
        final Spectrum s = SpectrumOracle.of(ExplicitFamilyMetric.optimal(g, y));
        assertEquals(3, s.clusters().size(), s.toString());
        assertCluster(s.clusters().get(0), 4.656612873077393e-10, 1);
        assertCluster(s.clusters().get(1), 134217728.0, n - 2);
        assertCluster(s.clusters().get(2), 268435456.0, 1);
        assertEquals(OptionalDouble.of(5.764607523034235e17), s.conditionNumber().correctlyRounded());
    }

    @Test
    void alphaExactlyAtATieIsProvedByAnExactRank() {
        // D = 16, g = (1,…,1), y = g + 2^-25 (e1 − e2): α = 1 + 2^-53, exactly the midpoint
        // between 1 and 1 + 2^-52 (ties to the even 1.0), 14 times; no enclosure can decide it,
        // the exact rank(M − αI) = 2 does. The simple eigenvalues by hand: α ± sqrt(α(α − 1)).
        final int n = 16;
        final double[] g = new double[n];
        final double[] y = new double[n];
        java.util.Arrays.fill(g, 1);
        java.util.Arrays.fill(y, 1);
        y[0] = 1 + 0x1p-25;
        y[1] = 1 - 0x1p-25;
        final Spectrum s = SpectrumOracle.of(ExplicitFamilyMetric.optimal(g, y));
        assertEquals(3, s.clusters().size(), s.toString());
        assertCluster(s.clusters().get(0), 0.9999999894632879, 1);
        assertTrue(s.clusters().get(1).enclosure().isPoint());
        assertCluster(s.clusters().get(1), 1.0, n - 2);
        assertCluster(s.clusters().get(2), 1.0000000105367122, 1);
    }

    @Test
    void zeroEigenvaluesOfTheRankOnePartAreProvedExactly() {
        // y yᵀ/(yᵀg) with y = g = (1,…,1), D = 16: eigenvalue 0 fifteen times and 1 once.
        final int n = 16;
        final double[] g = new double[n];
        java.util.Arrays.fill(g, 1);
        final Spectrum s = SpectrumOracle.of(ExplicitFamilyMetric.rankOnePart(g, g));
        assertEquals(2, s.clusters().size(), s.toString());
        assertTrue(s.smallest().enclosure().isPoint());
        assertCluster(s.smallest(), 0.0, n - 1);
        assertCluster(s.largest(), 1.0, 1);
    }

    @Test
    void badInputsNameTheArgument() {
        final double[] g = {1, 0};
        final double[] y = {1, 1};
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExplicitFamilyMetric.ofAlpha(g, y, 0))
                .getMessage().contains("alpha"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExplicitFamilyMetric.ofAlpha(g, y, Double.NaN))
                .getMessage().contains("alpha"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExplicitFamilyMetric.ofAlpha(g, y, (Rational) null))
                .getMessage().contains("alpha"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExplicitFamilyMetric.ofGamma(g, y, -1))
                .getMessage().contains("gamma"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExplicitFamilyMetric.ofGamma(g, y, Double.POSITIVE_INFINITY))
                .getMessage().contains("gamma"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExplicitFamilyMetric.optimal(g, new double[] {-1, 1}))
                .getMessage().contains("yᵀg"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExplicitFamilyMetric.optimal(null, y))
                .getMessage().contains("g is null"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExplicitFamilyMetric.optimal(g, new double[] {1, Double.NaN}))
                .getMessage().contains("y[1]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExplicitFamilyMetric.optimal(g, new double[] {1, 1, 1}))
                .getMessage().contains("lengths"));
    }
}
