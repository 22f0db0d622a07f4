package ngdref.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/**
 * Known closed cases computed by hand (or from exact constants in BigDecimal), never by the code
 * under test: D = 2, ψ = 0, and the Figure 3A values at ψ = π/4.
 */
class ClosedCasesTest {

    private static final MathContext MC = new MathContext(40);

    private static double sqrt(double x) {
        return new BigDecimal(x).sqrt(MC).doubleValue();
    }

    /** Within one ulp of the expected value (expected values here are correctly rounded). */
    private static void close(double expected, double actual) {
        assertEquals(expected, actual, Math.ulp(expected), () -> "expected " + expected + " got " + actual);
    }

    @Test
    void twoDimensionalByHand() {
        // g = (1, 0), y = (1, 1): yᵀg = 1, yᵀy = 2, ψ = π/4.
        // M_opt = yyᵀ/1 + 2(I − e₁e₁ᵀ) = [[1, 1], [1, 3]]; eigenvalues 2 ± √2, κ = 3 + 2√2.
        final double[] g = {1, 0};
        final double[] y = {1, 1};
        final OneParameterMetric m = OneParameterMetric.optimal(g, y);
        final double[][] a = m.toArray();
        assertEquals(1.0, a[0][0]);
        assertEquals(1.0, a[0][1]);
        assertEquals(1.0, a[1][0]);
        assertEquals(3.0, a[1][1]);
        assertEquals(2.0, m.alpha());
        final MetricSpectrum s = m.spectrum();
        final BigDecimal root2 = BigDecimal.valueOf(2).sqrt(MC);
        close(BigDecimal.valueOf(2).add(root2).doubleValue(), s.lambdaMax());
        close(BigDecimal.valueOf(2).subtract(root2).doubleValue(), s.lambdaMin());
        close(BigDecimal.valueOf(3).add(root2.multiply(BigDecimal.valueOf(2))).doubleValue(), s.conditionNumber());
        assertEquals(0, s.lambdaDMultiplicity());
        // Props 2 and 3: sup λ_min = yᵀg/gᵀg = 1, inf λ_max = yᵀy/yᵀg = 2.
        final UpdateGeometry geo = m.geometry();
        assertEquals(1.0, MetricBounds.lambdaMinSupremum(geo));
        assertEquals(2.0, MetricBounds.lambdaMaxInfimum(geo));
        close(Math.PI / 4, geo.psi());
    }

    @Test
    void familyByHandForAlpha() {
        // g = (2, 0, 0), y = (3, 4, 0): yᵀg = 6. M(α=5) = yyᵀ/6 + 5·diag(0, 1, 1).
        final OneParameterMetric m = OneParameterMetric.ofAlpha(new double[] {2, 0, 0}, new double[] {3, 4, 0}, 5.0);
        final double[][] a = m.toArray();
        assertEquals(1.5, a[0][0]);
        close(2.0, a[0][1]);
        close(16.0 / 6 + 5, a[1][1]);
        assertEquals(5.0, a[2][2]);
        // 2×2 block [[1.5, 2], [2, 23/3]]: trace 55/6, det 1.5·23/3 − 4 = 7.5; λ = (55/6 ± √((55/6)² − 30))/2.
        final BigDecimal tr = BigDecimal.valueOf(55).divide(BigDecimal.valueOf(6), MC);
        final BigDecimal disc = tr.multiply(tr).subtract(BigDecimal.valueOf(30)).sqrt(MC);
        final MetricSpectrum s = m.spectrum();
        close(tr.add(disc).divide(BigDecimal.valueOf(2), MC).doubleValue(), s.lambdaMax());
        close(tr.subtract(disc).divide(BigDecimal.valueOf(2), MC).doubleValue(), s.lambdaMin());
        assertEquals(5.0, s.lambdaD());
        assertEquals(1, s.lambdaDMultiplicity());
        // γ = α·yᵀg/yᵀy = 5·6/25 = 1.2
        close(1.2, m.gamma());
    }

    @Test
    void parallelVectorsGiveAMultipleOfIdentity() {
        // ψ = 0: y = 3g, M_opt = (‖y‖/‖g‖)I = 3I, all eigenvalues 3, κ = 1.
        final double[] g = {1, -2, 0.5, 4};
        final double[] y = {3, -6, 1.5, 12};
        final OneParameterMetric m = OneParameterMetric.optimal(g, y);
        final double[][] a = m.toArray();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(i == j ? 3.0 : 0.0, a[i][j], 1e-15);
            }
        }
        final MetricSpectrum s = m.spectrum();
        assertEquals(3.0, s.lambdaMax());
        assertEquals(3.0, s.lambdaMin());
        assertEquals(3.0, s.lambdaD());
        assertEquals(1.0, s.conditionNumber());
        assertEquals(0.0, m.geometry().sinPsi());
        assertEquals(1.0, m.geometry().cosPsi());
        assertEquals(0.0, m.geometry().psi());
    }

    @Test
    void figure3aAtQuarterPi() {
        // ‖y‖/‖g‖ = r with y = (a, a), a = fl(√2/2), g = (1, 0): ψ = π/4 exactly, r = a√2.
        // Eq. (9): λ_max,min = r(1/cos ψ ± |tan ψ|) = a√2(√2 ± 1) = a(2 ± √2), λ_d = r/cos ψ = 2a,
        // κ = (1 + sin ψ)/(1 − sin ψ) = 3 + 2√2.
        final double a = Math.sqrt(0.5);
        final double[] g = {1, 0, 0, 0};
        final double[] y = {a, a, 0, 0};
        final MetricSpectrum s = OneParameterMetric.optimal(g, y).spectrum();
        final BigDecimal ab = new BigDecimal(a);
        final BigDecimal root2 = BigDecimal.valueOf(2).sqrt(MC);
        close(ab.multiply(BigDecimal.valueOf(2).add(root2)).doubleValue(), s.lambdaMax());
        close(ab.multiply(BigDecimal.valueOf(2).subtract(root2)).doubleValue(), s.lambdaMin());
        assertEquals(2 * a, s.lambdaD());
        assertEquals(2, s.lambdaDMultiplicity());
        close(BigDecimal.valueOf(3).add(root2.multiply(BigDecimal.valueOf(2))).doubleValue(), s.conditionNumber());
        final UpdateGeometry geo = UpdateGeometry.of(g, y);
        close(sqrt(0.5), geo.cosPsi());
        close(sqrt(0.5), geo.sinPsi());
        close(BigDecimal.valueOf(3).add(root2.multiply(BigDecimal.valueOf(2))).doubleValue(),
                MetricBounds.minimumConditionNumber(geo));
    }

    @Test
    void tinyAngleKeepsRelativeAccuracy() {
        // g = (1, 0), y = (1, t): tan ψ = t, sin ψ = t/√(1+t²) — computed in BigDecimal.
        for (double t : new double[] {1e-5, 1e-9, 0x1.0p-30, 1e-200}) {
            final UpdateGeometry geo = UpdateGeometry.of(new double[] {1, 0}, new double[] {1, t});
            final BigDecimal tb = new BigDecimal(t);
            final BigDecimal n = BigDecimal.ONE.add(tb.multiply(tb)).sqrt(MC);
            close(tb.divide(n, MC).doubleValue(), geo.sinPsi());
            close(BigDecimal.ONE.divide(n, MC).doubleValue(), geo.cosPsi());
            // κ(M_opt) = (1+s)²/c² = (√(1+t²) + t)² — no cancellation anywhere.
            close(n.add(tb).pow(2).doubleValue(), MetricBounds.minimumConditionNumber(geo));
        }
    }

    @Test
    void nearRightAngleKeepsRelativeAccuracy() {
        // g = (1, 0), y = (t, 1): cos ψ = t/√(1+t²); κ(M_opt) = (1+s)²/c² with s = 1/√(1+t²).
        for (double t : new double[] {1e-8, 1e-12, 1e-100}) {
            final UpdateGeometry geo = UpdateGeometry.of(new double[] {1, 0}, new double[] {t, 1});
            final BigDecimal tb = new BigDecimal(t);
            final BigDecimal n = BigDecimal.ONE.add(tb.multiply(tb)).sqrt(MC);
            close(tb.divide(n, MC).doubleValue(), geo.cosPsi());
            close(BigDecimal.ONE.divide(n, MC).doubleValue(), geo.sinPsi());
            close(tb.multiply(tb).divide(n.multiply(n.add(BigDecimal.ONE)), MC).doubleValue(), geo.oneMinusSinPsi());
            close(n.add(BigDecimal.ONE).pow(2).divide(tb.multiply(tb), MC).doubleValue(),
                    MetricBounds.minimumConditionNumber(geo));
        }
    }

    @Test
    void extremeMagnitudesNeitherOverflowNorUnderflow() {
        // g = 1e300·(1, 1), y = 1e-300·(1, 0): ‖y‖/‖g‖ = 1e-600/√2 underflows; but ψ = π/4 exactly.
        final UpdateGeometry big = UpdateGeometry.of(new double[] {1e300, 1e300}, new double[] {3e300, 4e300});
        close(0.98994949366116653416, big.cosPsi()); // 7/√50
        close(sqrt(0.02), big.sinPsi());             // 1/√50
        close(5.0 / sqrt(2), big.normRatio());
        final UpdateGeometry small = UpdateGeometry.of(new double[] {1e-300, 1e-300}, new double[] {3e-300, 4e-300});
        close(0.98994949366116653416, small.cosPsi());
        final UpdateGeometry mixed = UpdateGeometry.of(new double[] {1e-300, 1e-300}, new double[] {3e300, 4e300});
        close(0.98994949366116653416, mixed.cosPsi());
        close(1e-300 * 7e300 / (1e-300 * 7e300) * 0.98994949366116653416, mixed.cosPsi());
        assertEquals(ArithmeticException.class, org.junit.jupiter.api.Assertions.assertThrows(
                ArithmeticException.class, mixed::yDotY).getClass());
    }

    @Test
    void normsWhoseProductOverflowsStillGiveTheExactSpectrum() {
        // Found by PaperProperties: g = y with entries near 1e77 (no scaling needed, yᵀy and gᵀg
        // finite) but yᵀy·gᵀg ≈ 1.8e308 overflows. ψ = 0, so M_opt = I exactly.
        final double[] g = {0x1.546dc4a40f7f6p255, -0x1.7e6ded09c0fecp255};
        final MetricSpectrum s = OneParameterMetric.optimal(g, g.clone()).spectrum();
        assertEquals(1.0, s.lambdaMax());
        assertEquals(1.0, s.lambdaMin());
        assertEquals(1.0, s.conditionNumber());
        assertEquals(1.0, UpdateGeometry.of(g, g.clone()).cosPsi());
    }

    /**
     * cos ψ below the subnormal range, by hand: y = (1, 0), g = (2^-1074, 2^10) gives
     * yᵀg = 2^-1074, ‖y‖ = 1, ‖g‖ = 2^10·√(1 + 2^-2168), so cos ψ ≈ 2^-1084 (refused: it rounds
     * to 0), |sin ψ| = 1 − O(2^-2168) (rounds to 1.0), 1 − |sin ψ| ≈ 2^-2169 (refused), and
     * ψ = π/2 − O(2^-1084), whose nearest double is that of π/2, 0x1.921fb54442d18p0.
     */
    @Test
    void angleWhenCosPsiUnderflows() {
        final UpdateGeometry geo = UpdateGeometry.of(new double[] {0x1p-1074, 0x1p10}, new double[] {1.0, 0.0});
        assertThrows(ArithmeticException.class, geo::cosPsi);
        assertThrows(ArithmeticException.class, geo::oneMinusSinPsi);
        assertEquals(1.0, geo.sinPsi());
        assertEquals(0x1.921fb54442d18p0, geo.psi());
        assertEquals(0x1p-1074, geo.yDotG());
    }

    /**
     * A spectrum with refused members: eigenvalues() names the first refused one (λ_min, then
     * λ_max), toString shows each refusal and each value, and a refused κ alone blocks nothing.
     * g = (2^-600, 2^-601, 0), y = (2^600, −2^600, 0): yᵀg = 1/2, yᵀy = 2^1201, gᵀg = 1.25·2^-1200,
     * so σ = yᵀy/yᵀg = 2^1202, cos²ψ = 0.1, α = σγ; at γ = 1 (Prop. 1) λ± = σ(1 ± |sin ψ|), and
     * λ_min = 2^1202·(1 − √0.9) ≈ 1.64·2^1197 overflows too.
     */
    @Test
    void refusedMembersAreNamedByEigenvaluesAndToString() {
        final UpdateGeometry geometry = UpdateGeometry.of(new double[] {0x1.0p-600, 0x1.0p-601, 0},
                new double[] {0x1.0p600, -0x1.0p600, 0});
        final MetricSpectrum all = MetricSpectrum.of(geometry, 1.0);
        assertEquals(3, all.dimension());
        final String first = assertThrows(ArithmeticException.class, all::eigenvalues).getMessage();
        org.junit.jupiter.api.Assertions.assertTrue(first.startsWith("λ_min = ") && first.endsWith("overflows the range of double"), first);
        // γ = 2^-1000: α = 2^202 exactly; λ_min ≤ α is in range, λ_max ≥ σ·(…) is not
        final MetricSpectrum top = MetricSpectrum.of(geometry, 0x1.0p-1000);
        final String max = assertThrows(ArithmeticException.class, top::eigenvalues).getMessage();
        org.junit.jupiter.api.Assertions.assertTrue(max.startsWith("λ_max = ") && max.endsWith("overflows the range of double"), max);
        final String shown = top.toString();
        org.junit.jupiter.api.Assertions.assertTrue(shown.startsWith("λ_max = refused (λ_max = ")
                && shown.contains(", λ_d = " + Double.toString(0x1.0p202) + " (multiplicity 1)"), shown);
        assertEquals(0x1.0p202, top.lambdaD(), 0.0);
        // g = (1, 0, 0), y = (1, 1, 0), γ = 2^-1074: α = 2·2^-1074; κ ≈ 2^1075 is refused, the eigenvalues are not
        final MetricSpectrum tiny = MetricSpectrum.of(UpdateGeometry.of(new double[] {1, 0, 0}, new double[] {1, 1, 0}),
                Double.MIN_VALUE);
        final double[] values = tiny.eigenvalues();
        assertEquals(3, values.length);
        assertEquals(0x1.0p-1073, values[1], 0.0);
        org.junit.jupiter.api.Assertions.assertTrue(tiny.toString().contains("κ = refused (κ = "), tiny.toString());
    }

    /**
     * A metric whose α = γσ is outside the range of double is still printable: toString names the
     * refusal instead of throwing alpha()'s ArithmeticException (it threw before). g = (2^-300, 0),
     * y = (2^300, 2^300): σ = yᵀy/yᵀg = 2^601/2^0 = 2^601, so γ = 2^500 gives α = 2^1101.
     */
    @Test
    void aMetricWithARefusedAlphaPrintsTheRefusal() {
        final OneParameterMetric m = OneParameterMetric.ofGamma(new double[] {0x1.0p-300, 0},
                new double[] {0x1.0p300, 0x1.0p300}, 0x1.0p500);
        final String refusal = assertThrows(ArithmeticException.class, m::alpha).getMessage();
        assertEquals("M(α = refused (" + refusal + ")) = yyᵀ/(yᵀg) + α(I − ggᵀ/gᵀg), D = 2", m.toString());
        org.junit.jupiter.api.Assertions.assertTrue(refusal.contains("overflows the range of double"), refusal);
        final OneParameterMetric fine = OneParameterMetric.ofAlpha(new double[] {1, 0}, new double[] {1, 1}, 0.75);
        assertEquals("M(α = 0.75) = yyᵀ/(yᵀg) + α(I − ggᵀ/gᵀg), D = 2", fine.toString());
    }

    /**
     * Aliasing (UpdateGeometry's class comment): the geometry keeps g and y by reference, and a
     * change that moves an inner product beyond its certified bound is detected on the exact
     * path. g = (1, 1), y = (1, 2^-53): yᵀg/gᵀg = (1 + 2^-53)/2 = 0.5 + 2^-54 is the midpoint of
     * 0.5 and its successor, so λ_min's supremum takes the exact path; each modification changes
     * gᵀg, yᵀy or only yᵀg.
     */
    @Test
    void aModifiedInputIsDetectedOnTheExactPath() {
        final String[][] cases = {{"0", "2", "g"}, {"1", "0x1p-20", "y"}, {"1", "-0x1p-53", "g or y"}};
        for (String[] c : cases) {
            final double[] g = {1, 1};
            final double[] y = {1, 0x1.0p-53};
            final UpdateGeometry geometry = UpdateGeometry.of(g, y);
            if (c[2].equals("g")) {
                g[Integer.parseInt(c[0])] = Double.parseDouble(c[1]);
            } else {
                y[Integer.parseInt(c[0])] = Double.parseDouble(c[1]);
            }
            assertEquals(c[2] + " was modified after UpdateGeometry.of: the geometry keeps references to g and y,"
                    + " which must not change while it is in use",
                    assertThrows(IllegalArgumentException.class, () -> MetricBounds.lambdaMinSupremum(geometry)).getMessage());
        }
        // unmodified: the midpoint rounds to even
        assertEquals(0.5, MetricBounds.lambdaMinSupremum(UpdateGeometry.of(new double[] {1, 1}, new double[] {1, 0x1.0p-53})), 0.0);
    }
}
