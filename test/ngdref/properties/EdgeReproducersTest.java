package ngdref.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ngdref.metric.MetricBounds;
import ngdref.metric.MetricSpectrum;
import ngdref.metric.OneParameterMetric;
import ngdref.metric.UpdateGeometry;
import org.junit.jupiter.api.Test;

/**
 * The reproducers of the "never silent" issue (12), each with its expected value derived by hand
 * (or, where noted, decided by the independent oracle through {@link EdgeRangeTest#check}).
 */
class EdgeReproducersTest {

    private static double p(int k) {
        return Math.scalb(1.0, k);
    }

    /** Every scalar of the case correct by the oracle (no failures). */
    private static void allCorrect(double[] g, double[] y, double gammaOrAlpha, boolean isGamma) {
        final EdgeCasesStub c = new EdgeCasesStub(g, y, gammaOrAlpha, isGamma);
        final EdgeRangeTest.Outcome o = EdgeRangeTest.check(c.toCase());
        assertTrue(o.failures.isEmpty(), String.join("\n", o.failures));
    }

    @Test
    void normRatioDoesNotUnderflowOrOverflowInAnIntermediate() {
        // ‖y‖/‖g‖ = √2·2^-250/2^300 = √2·2^-550 (was 0.0), and √2·2^550 (was refused as "NaN·2^0").
        assertEquals(Math.scalb(Math.sqrt(2), -550),
                UpdateGeometry.of(new double[] {p(300), 0}, new double[] {p(-250), p(-250)}).normRatio());
        assertEquals(Math.scalb(Math.sqrt(2), 550),
                UpdateGeometry.of(new double[] {p(-300), 0}, new double[] {p(250), p(250)}).normRatio());
        // was off by 8.9e10 ulp
        allCorrect(new double[] {p(265), 0}, new double[] {0x1.23456789abcdep-267, 0x1.fedcba987654p-268}, 1.0, true);
    }

    @Test
    void alphaOfATinyGammaIsNotZero() {
        // σ = yᵀy/yᵀg = 2^922/2^619 = 2^303, α = γσ = 2^-1074·2^303 = 2^-771 (was 0 and a singular M)
        final OneParameterMetric m = OneParameterMetric.ofGamma(new double[] {p(158), 0}, new double[] {p(461), 0}, p(-1074));
        assertEquals(p(-771), m.alpha());
        assertEquals(p(-771), m.spectrum().lambdaD());
        assertEquals(p(-771), m.spectrum().lambdaMin()); // g ∥ y: eigenvalues σ and α
        assertEquals(p(303), m.spectrum().lambdaMax());
        // κ = σ/α = 2^1074 is beyond the double range: refused by name, the rest answered
        final ArithmeticException e = assertThrows(ArithmeticException.class, m.spectrum()::conditionNumber);
        assertTrue(e.getMessage().startsWith("κ = 1.0·2^1074 overflows"), e.getMessage());
    }

    @Test
    void conditionNumberWithASubnormalAlpha() {
        // κ was 26 % low; decided by the oracle
        allCorrect(new double[] {1, 0}, new double[] {1e-300, 1e-301}, 4.9e-324, false);
    }

    @Test
    void effectiveUpdatesWithTinyOrHugeInnerProductsAreAccepted() {
        // yᵀg = 2^-1080 > 0 exactly: effective; yᵀg itself underflows (refused by name),
        // cos ψ = 2^-700/√(1 + 2^-1400) rounds to 2^-700.
        final UpdateGeometry a = UpdateGeometry.of(new double[] {p(-700), 1}, new double[] {p(-380), 0});
        assertEquals(p(-700), a.cosPsi());
        final ArithmeticException e = assertThrows(ArithmeticException.class, a::yDotG);
        assertTrue(e.getMessage().startsWith("yᵀg = ") && e.getMessage().contains("underflows"), e.getMessage());
        // yᵀg = 1e-200·1e300 (one correctly rounded product)
        final UpdateGeometry b = UpdateGeometry.of(new double[] {1e300, 1e-200}, new double[] {0, 1e300});
        assertEquals(1e-200 * 1e300, b.yDotG());
        allCorrect(new double[] {p(-700), 1}, new double[] {p(-380), 0}, 1.0, true);
        allCorrect(new double[] {1e300, 1e-200}, new double[] {0, 1e300}, 1.0, true);
    }

    @Test
    void subnormalResultsAreRoundedOnce() {
        // yᵀy = 1.5625·2^-1946·(1 + 2^-60), yᵀg = 1.25·2^-873: σ = 1.25·2^-1073·(1 + 2^-60) is
        // 2.5·(1 + 2^-60) units of 2^-1074, above the midpoint: 3·2^-1074 (was 2·2^-1074).
        // ‖y‖/‖g‖ = 2.5·(1 + 2^-61) units: also 3·2^-1074.
        final double[] g = {p(100), 0};
        final double[] y = {0x1.4p-973, 0x1.4p-1003};
        final UpdateGeometry geo = UpdateGeometry.of(g, y);
        assertEquals(3 * Double.MIN_VALUE, MetricBounds.lambdaMaxInfimum(geo));
        assertEquals(3 * Double.MIN_VALUE, geo.normRatio());
        assertEquals(3 * Double.MIN_VALUE, OneParameterMetric.ofGamma(g, y, 1.0).spectrum().lambdaD());
        allCorrect(g, y, 1.0, true);
    }

    @Test
    void noSpuriousRefusals() {
        // γ = 1e200 on g = (1, 0), y = (1, 1): every quantity is at most about 2e200
        allCorrect(new double[] {1, 0}, new double[] {1, 1}, 1e200, true);
        final MetricSpectrum s = OneParameterMetric.ofGamma(new double[] {1, 0}, new double[] {1, 1}, 1e200).spectrum();
        // λ_min → ρ = yᵀg/gᵀg = 1 from below as γ → ∞: at γ = 1e200 it rounds to 1
        assertTrue(s.lambdaMax() > 1e200 && s.lambdaMax() < 3e200, "λ_max " + s.lambdaMax());
        assertEquals(1.0, s.lambdaMin());
        // M = [[1, 1], [1, 1 + α]] maps (1, 0) to (1, 1): M⁻¹(1, 1) = (1, 0) exactly, even for α = 1e308
        assertArrayEquals(new double[] {1, 0},
                OneParameterMetric.ofAlpha(new double[] {1, 0}, new double[] {1, 1}, 1e308).solve(new double[] {1, 1}));
    }

    @Test
    void applyRefusesAComponentOutsideTheRangeInsteadOfReturningInfinity() {
        // M = [[1, 1], [1, 1 + 1e10]]: M(1e300, 1e300) = (2e300, ≈1e310): component 1 is refused
        final OneParameterMetric m = OneParameterMetric.ofAlpha(new double[] {1, 0}, new double[] {1, 1}, 1e10);
        final ArithmeticException e = assertThrows(ArithmeticException.class, () -> m.apply(new double[] {1e300, 1e300}));
        assertTrue(e.getMessage().startsWith("(M·x)[1]"), e.getMessage());
    }

    @Test
    void midpointsRoundHalfEven() {
        // yᵀg = 2^53 + 1 is the midpoint of 2^53 and 2^53 + 2: half-even gives 2^53
        assertEquals(p(53), UpdateGeometry.of(new double[] {1, 1}, new double[] {p(53), 1}).yDotG());
        // yᵀg = 2^1024 − 2^970 is the midpoint of MAX_VALUE and 2^1024: rounds to ∞, refused
        final UpdateGeometry top = UpdateGeometry.of(new double[] {1, 1}, new double[] {Double.MAX_VALUE, p(970)});
        assertThrows(ArithmeticException.class, top::yDotG);
        assertEquals(Double.MAX_VALUE, UpdateGeometry.of(new double[] {1, 1}, new double[] {Double.MAX_VALUE, p(969)}).yDotG());
        // yᵀg = 5·2^-1075, a subnormal midpoint between 2 and 3 units: half-even gives 2·2^-1074
        assertEquals(2 * Double.MIN_VALUE,
                UpdateGeometry.of(new double[] {p(-540), p(-540)}, new double[] {p(-533), p(-535)}).yDotG());
        // ‖y‖/‖g‖ = p² + q², an odd 54-bit integer (Pythagorean triple): half-even
        final long pp = 94906265L;
        final long qq = 10886L;
        final long m = pp * pp + qq * qq;
        assertTrue(m > (1L << 53) && (m & 1) == 1);
        final double expected = ((m >> 1) & 1) == 0 ? (double) (m - 1) : (double) (m + 1);
        assertEquals(expected, UpdateGeometry.of(new double[] {1, 0},
                new double[] {(double) (pp * pp - qq * qq), (double) (2 * pp * qq)}).normRatio());
    }

    /** A hand-made case in the shape EdgeRangeTest.check takes. */
    private record EdgeCasesStub(double[] g, double[] y, double parameter, boolean isGamma) {
        EdgeCases toCase() {
            return EdgeCases.fixed(g, y, parameter, isGamma);
        }
    }
}
